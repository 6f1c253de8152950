namespace SelfServiceBot.Web.Cli.Kb;

/// <summary>A one-line progress bar on stderr (redrawn at most once per percent), so stdout stays machine-readable.</summary>
internal sealed class ProgressBar(TextWriter output)
{
    private int _lastPercent = -1;

    public void Report(int done, int total)
    {
        var percent = total == 0 ? 100 : done * 100 / total;
        if (percent == _lastPercent)
        {
            return;
        }
        _lastPercent = percent;
        var filled = percent / 5;
        output.Write($"\r[{new string('#', filled)}{new string('.', 20 - filled)}] {done}/{total}");
    }

    public void Done() => output.WriteLine();
}
