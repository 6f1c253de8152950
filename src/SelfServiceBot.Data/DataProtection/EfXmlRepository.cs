using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using SelfServiceBot.Data.Entities;

namespace SelfServiceBot.Data.DataProtection;

/// <summary>
/// Keeps the data-protection key ring in the database (table DataProtectionKeys), so a cookie issued by one
/// instance is accepted by the others and survives restarts. The framework calls this synchronously.
/// </summary>
public sealed class EfXmlRepository(IDbContextFactory<BotDbContext> factory) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = factory.CreateDbContext();
        return db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList()
            .Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var db = factory.CreateDbContext();
        db.DataProtectionKeys.Add(new DataProtectionKeyRecord
        {
            FriendlyName = friendlyName,
            Xml = element.ToString(SaveOptions.DisableFormatting),
        });
        db.SaveChanges();
    }
}
