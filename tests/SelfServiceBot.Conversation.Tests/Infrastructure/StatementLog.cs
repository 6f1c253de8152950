using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using SelfServiceBot.Data.Sql;

namespace SelfServiceBot.Conversation.Tests.Infrastructure;

/// <summary>
/// Records each SQL statement the app sends as "VERB Table", with the transaction it ran in (0 = none, 1, 2, ... in the
/// order transactions were first seen), so a test can say how many round trips and transactions a turn costs.
/// </summary>
public sealed partial class StatementLog : IDbCommandObserver
{
    private readonly ConcurrentQueue<(int Transaction, string Statement)> _statements = new();
    private readonly ConcurrentQueue<int> _commands = new();
    private readonly ConditionalWeakTable<object, object> _transactions = [];
    private int _lastTransaction;

    public IReadOnlyList<(int Transaction, string Statement)> Statements => [.. _statements];

    /// <summary>The transaction of each command sent (a batch of statements is one command).</summary>
    public IReadOnlyList<int> Commands => [.. _commands];

    public void Clear()
    {
        _statements.Clear();
        _commands.Clear();
    }

    public void Executing(DbCommand command, object? transaction)
    {
        var number = transaction is { } t
            ? (int)_transactions.GetValue(t, _ => Interlocked.Increment(ref _lastTransaction))
            : 0;
        _commands.Enqueue(number);
        foreach (Match statement in StatementPattern().Matches(command.CommandText))
        {
            _statements.Enqueue((number, $"{statement.Groups["verb"].Value.ToUpperInvariant()} {statement.Groups["table"].Value}"));
        }
    }

    // The verb and the first table each statement names: INSERT INTO "X", UPDATE "X", SELECT ... FROM "X", DELETE FROM "X".
    [GeneratedRegex("""
        (?<verb>INSERT)\s+INTO\s+"(?<table>\w+)" | (?<verb>UPDATE)\s+"(?<table>\w+)" | (?<verb>DELETE)\s+FROM\s+"(?<table>\w+)"
        | (?<verb>SELECT)\b[^;]*?\bFROM\s+"(?<table>\w+)"
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex StatementPattern();
}
