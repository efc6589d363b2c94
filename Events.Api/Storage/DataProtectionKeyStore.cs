using System.Xml.Linq;
using Dapper;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Events.Api.Storage;

/// <summary>
/// Data Protection's key ring in the database (table <c>data_protection_keys</c>), so that a backup of the one file
/// restores the keys with the data and the cookies they sign. Keys are written rarely (every 90 days), through the writer.
/// </summary>
public sealed class DataProtectionKeyStore(Db db) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var c = db.OpenRead();
        return c.Query<string>("SELECT xml FROM data_protection_keys ORDER BY name").Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        var xml = element.ToString(SaveOptions.DisableFormatting);
        db.WriteAsync((c, tx) => c.Execute(
            "INSERT INTO data_protection_keys (name, xml) VALUES (@friendlyName, @xml) ON CONFLICT (name) DO UPDATE SET xml = @xml",
            new { friendlyName, xml }, tx)).GetAwaiter().GetResult();
    }
}
