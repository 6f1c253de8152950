namespace SelfServiceBot.Benchmarks;

/// <summary>The machine's 1/5/15-minute load average (Linux), printed beside the figures: on a shared machine it says how much they are worth.</summary>
internal static class LoadAverage
{
    public static readonly string AtStart = Now();

    public static string Now()
    {
        try
        {
            var fields = File.ReadAllText("/proc/loadavg").Split(' ');
            return string.Join(' ', fields.Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
        catch (UnauthorizedAccessException)
        {
            return "unknown";
        }
    }
}
