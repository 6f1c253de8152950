using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SelfServiceBot.Costs.Storage;
using SelfServiceBot.Data;

namespace SelfServiceBot.Costs.Demo;

/// <summary>
/// Inserts many contacts fast: one prepared INSERT reused in large transactions, with each value converted as EF would
/// (SQLite keeps DateTimeOffset as a sortable number). Used for demo data and the benchmark, not for the ledger.
/// </summary>
internal static class BulkContactWriter
{
    public static async Task<int> WriteAsync(BotDbContext db, IEnumerable<ContactRecord> contacts, CancellationToken cancellationToken)
    {
        var entity = db.Model.FindEntityType(typeof(ContactRecord))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = entity.GetProperties().Where(p => !p.IsPrimaryKey()).ToList();
        var columns = string.Join(", ", properties.Select(p => $"\"{p.GetColumnName(table)}\""));
        var values = string.Join(", ", properties.Select((_, i) => "@p" + i));
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        var written = 0;
        DbTransaction? transaction = null;
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"INSERT INTO \"{table.Name}\" ({columns}) VALUES ({values})";
            var parameters = properties.Select((p, i) =>
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@p" + i;
                command.Parameters.Add(parameter);
                return (Property: p, Parameter: parameter, Converter: p.GetTypeMapping().Converter, Getter: p.GetGetter());
            }).ToList();
            foreach (var contact in contacts)
            {
                if (written % 50_000 == 0)
                {
                    if (transaction is not null) await transaction.CommitAsync(cancellationToken);
                    transaction = await connection.BeginTransactionAsync(cancellationToken);
                    command.Transaction = transaction;
                }
                foreach (var (_, parameter, converter, getter) in parameters)
                {
                    var value = getter.GetClrValue(contact);
                    parameter.Value = (value is null ? null : converter is null ? value : converter.ConvertToProvider(value)) ?? DBNull.Value;
                }
                await command.ExecuteNonQueryAsync(cancellationToken);
                written++;
            }
            if (transaction is not null) await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            if (transaction is not null) await transaction.DisposeAsync();
            await db.Database.CloseConnectionAsync();
        }
        return written;
    }
}
