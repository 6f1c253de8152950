namespace SelfServiceBot.Data.Entities;

/// <summary>A row a turn writes once: its key is unique, so a replayed turn finds it already there.</summary>
public interface IIdempotentRecord
{
    string IdempotencyKey { get; }
}
