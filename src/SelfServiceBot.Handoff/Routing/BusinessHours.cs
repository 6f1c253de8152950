namespace SelfServiceBot.Handoff.Routing;

/// <summary>Whether people answer chats at a moment, in the configured time zone.</summary>
public static class BusinessHours
{
    public static bool IsOpen(BusinessHoursOptions? hours, DateTimeOffset now)
    {
        if (hours is null)
        {
            return true;
        }
        var zone = TimeZoneInfo.FindSystemTimeZoneById(hours.TimeZone);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        return hours.Days.Contains(local.DayOfWeek) && time >= hours.Open && time < hours.Close;
    }
}
