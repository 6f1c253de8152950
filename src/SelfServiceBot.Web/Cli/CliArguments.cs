namespace SelfServiceBot.Web.Cli;

/// <summary>"--name value" and "--flag" options after a verb, plus positional words.</summary>
internal sealed class CliArguments
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);
    private readonly List<string> _positional = [];

    public CliArguments(IEnumerable<string> args, params string[] flags)
    {
        var list = args.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].StartsWith("--", StringComparison.Ordinal))
            {
                var name = list[i][2..];
                if (name.Contains('='))
                {
                    _options[name[..name.IndexOf('=')]] = name[(name.IndexOf('=') + 1)..];
                }
                else if (flags.Contains(name) || i + 1 >= list.Count || list[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    _options[name] = null;
                }
                else
                {
                    _options[name] = list[++i];
                }
            }
            else
            {
                _positional.Add(list[i]);
            }
        }
    }

    public IReadOnlyList<string> Positional => _positional;

    public bool Has(string name) => _options.ContainsKey(name);

    public string? Get(string name) => _options.GetValueOrDefault(name);

    public string Required(string name) =>
        Get(name) is { Length: > 0 } value ? value : throw new CliUsageException($"--{name} is required");

    public int? Int(string name) =>
        Get(name) is not { } text ? null
        : int.TryParse(text, out var value) ? value
        : throw new CliUsageException($"--{name} must be a whole number, not '{text}'");
}

/// <summary>A command line that cannot be run as written; the message says what to fix.</summary>
internal sealed class CliUsageException(string message) : Exception(message);
