using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfServiceBot.Costs.Ledger;
using SelfServiceBot.Costs.Reports;
using SelfServiceBot.Costs.Storage;
using SelfServiceBot.Data;
using SelfServiceBot.Data.HotPath;

namespace SelfServiceBot.Costs.Import;

/// <summary>
/// Loads the contract's contact CSV: a contact_id already imported is updated, never duplicated; a bad row is reported
/// with its line and reason while the good rows load. Recontacts are recomputed for the time the file touches.
/// </summary>
public sealed class ContactImporter(IDbContextFactory<BotDbContext> factory, HotWrites writes, IOptions<CostsOptions> options, ILogger<ContactImporter> logger)
{
    private const int BatchSize = 1000;
    private const int MaxAttempts = 10;

    public async Task<ImportResult> ImportAsync(TextReader reader, CancellationToken cancellationToken)
    {
        var window = options.Value.RecontactWindow;
        var errors = new List<ImportError>();
        var batch = new Dictionary<string, ContactRecord>(StringComparer.Ordinal);
        var (inserted, updated) = (0, 0);
        DateTimeOffset? earliest = null;
        Dictionary<string, int>? header = null;
        await foreach (var (line, fields) in CsvReader.ReadAsync(reader).WithCancellation(cancellationToken))
        {
            if (header is null)
            {
                header = ContactCsv.ReadHeader(fields);
                continue;
            }
            var (contact, error) = ContactCsv.Parse(fields, header, window);
            if (contact is null)
            {
                errors.Add(new ImportError(line, error!));
                continue;
            }
            batch[contact.ContactKey] = contact;   // the same id twice in one file: the later row wins
            earliest = Earlier(earliest, contact.StartedAt);
            if (batch.Count >= BatchSize)
            {
                var (i, u, moved) = await SaveAsync(batch.Values, cancellationToken);
                (inserted, updated, earliest) = (inserted + i, updated + u, Earlier(earliest, moved));
                batch.Clear();
            }
        }
        if (header is null)
        {
            throw new FormatException($"The file is empty; the first line must be the header: {ContactCsv.Header}");
        }
        if (batch.Count > 0)
        {
            var (i, u, moved) = await SaveAsync(batch.Values, cancellationToken);
            (inserted, updated, earliest) = (inserted + i, updated + u, Earlier(earliest, moved));
        }
        if (earliest is { } from)
        {
            await RecontactMarker.MarkAsync(factory, writes, from - window, cancellationToken);
            await using var db = factory.CreateDbContext();
            await ContactStatistics.RefreshAsync(db, cancellationToken);
        }
        return new ImportResult(inserted, updated, errors);
    }

    private static DateTimeOffset? Earlier(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;

    /// <summary>
    /// Inserts the new contact_ids and updates the known ones; also returns the earliest start an updated contact had before
    /// (the recontacts around it must be recomputed too). Another import may insert one of the same new ids between the read
    /// and the write: the unique (source, contact_id) index refuses the second insert, and the batch is read and written again,
    /// now as an update, so concurrent and repeated imports never duplicate a contact nor fail on it.
    /// </summary>
    private async Task<(int Inserted, int Updated, DateTimeOffset? EarliestBefore)> SaveAsync(IEnumerable<ContactRecord> rows, CancellationToken cancellationToken)
    {
        var incoming = rows.ToList();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TrySaveAsync(incoming, cancellationToken);
            }
            catch (DbUpdateException ex) when (attempt < MaxAttempts)
            {
                logger.LogInformation(ex, "Contact import batch met a contact_id inserted meanwhile (attempt {Attempt}); reading it again", attempt);
            }
        }
    }

    private async Task<(int Inserted, int Updated, DateTimeOffset? EarliestBefore)> TrySaveAsync(List<ContactRecord> incoming, CancellationToken cancellationToken)
    {
        var keys = incoming.Select(c => c.ContactKey).ToList();
        await using var db = factory.CreateDbContext();
        var existing = await db.Contacts()
            .Where(c => c.Source == ContactSources.Import && keys.Contains(c.ContactKey))
            .ToDictionaryAsync(c => c.ContactKey, StringComparer.Ordinal, cancellationToken);
        DateTimeOffset? earliestBefore = null;
        foreach (var contact in incoming)
        {
            if (existing.TryGetValue(contact.ContactKey, out var known))
            {
                earliestBefore = Earlier(earliestBefore, known.StartedAt);
                ContactCsv.CopyInto(known, contact);
            }
            else
            {
                // A copy: a failed attempt leaves its entities tracked by the failed context.
                var added = new ContactRecord { Source = contact.Source, ContactKey = contact.ContactKey };
                ContactCsv.CopyInto(added, contact);
                db.Contacts().Add(added);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return (incoming.Count - existing.Count, existing.Count, earliestBefore);
    }
}

public sealed record ImportError(int Line, string Reason);

public sealed record ImportResult(int Inserted, int Updated, IReadOnlyList<ImportError> Errors);
