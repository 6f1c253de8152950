namespace SelfServiceBot.Web.Cli.Costs;

/// <summary>"--name value" and "--flag" options after a verb; anything unknown or incomplete is a usage error.</summary>
internal sealed class CliArguments
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);

    private CliArguments() { }

    public static CliArguments Parse(IEnumerable<string> args, string[] options, string[] flags)
    {
        var parsed = new CliArguments();
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var name = e.Current;
            if (flags.Contains(name))
            {
                parsed._values[name] = null;
            }
            else if (options.Contains(name))
            {
                parsed._values[name] = e.MoveNext() && !e.Current.StartsWith("--", StringComparison.Ordinal)
                    ? e.Current
                    : throw new UsageException($"{name} needs a value.");
            }
            else
            {
                throw new UsageException($"Unknown option '{name}'.");
            }
        }
        return parsed;
    }

    public bool Has(string name) => _values.ContainsKey(name);

    public string? Value(string name) => _values.GetValueOrDefault(name);

    public string Required(string name) => Value(name) ?? throw new UsageException($"{name} is required.");

    public DateOnly Date(string name) =>
        DateOnly.TryParseExact(Required(name), "yyyy-MM-dd", out var date) ? date : throw new UsageException($"{name} must be a date as YYYY-MM-DD.");

    public int? Int(string name) =>
        Value(name) is not { } text ? null : int.TryParse(text, out var n) && n >= 0 ? n : throw new UsageException($"{name} must be a whole number.");
}

internal sealed class UsageException(string message) : Exception(message);
