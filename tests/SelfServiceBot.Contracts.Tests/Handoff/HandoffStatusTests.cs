using SelfServiceBot.Contracts.Handoff;
using SelfServiceBot.Contracts.Tests.Events;

namespace SelfServiceBot.Contracts.Tests.Handoff;

public sealed class HandoffStatusTests
{
    // HandoffRequests.Status holds these strings, and the desk's claims compare against them in SQL
    // (UPDATE ... WHERE Status = 'queued'): a changed value would strand every stored hand-off.
    public static readonly TheoryData<string, string> Stored = new()
    {
        { nameof(HandoffStatus.Queued), "queued" },
        { nameof(HandoffStatus.Assigned), "assigned" },
        { nameof(HandoffStatus.Closed), "closed" },
        { nameof(HandoffStatus.Cancelled), "cancelled" },
        { nameof(HandoffStatus.Offline), "offline" },
        { nameof(HandoffStatus.External), "external" },
    };

    [Theory]
    [MemberData(nameof(Stored))]
    public void Each_status_keeps_its_stored_value(string status, string stored)
    {
        Assert.Equal(stored, typeof(HandoffStatus).GetField(status)!.GetRawConstantValue());
    }

    [Fact]
    public void Every_status_is_pinned_above_and_distinct()
    {
        var values = DocumentedNames.ConstantsOf(typeof(HandoffStatus));

        Assert.Equal(Stored.Select(row => (string)row[1]).Order(StringComparer.Ordinal), values.Order(StringComparer.Ordinal));
        Assert.Equal(values.Count, values.Distinct(StringComparer.Ordinal).Count());
    }
}
