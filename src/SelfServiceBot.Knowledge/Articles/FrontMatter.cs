namespace SelfServiceBot.Knowledge.Articles;

/// <summary>
/// The YAML-ish header of an article, parsed by <see cref="FrontMatterParser"/>: scalar values and
/// lists (flow <c>[a, b]</c> or block <c>- a</c>), each remembered with the line it came from.
/// </summary>
public sealed class FrontMatter
{
    private readonly Dictionary<string, (IReadOnlyList<string> Values, bool IsList, int Line)> _fields =
        new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The first line of the body (1-based), for messages about it.</summary>
    public int BodyLine { get; internal set; }

    public string Body { get; internal set; } = "";

    public IEnumerable<string> Keys => _fields.Keys;

    internal void Set(string key, IReadOnlyList<string> values, bool isList, int line) => _fields[key] = (values, isList, line);

    internal bool Contains(string key) => _fields.ContainsKey(key);

    public string? Scalar(string key) =>
        _fields.TryGetValue(key, out var field) && field.Values.Count > 0 ? field.Values[0] : null;

    /// <summary>A list field; a scalar is read as a one-item list, so <c>tags: orders</c> works too.</summary>
    public IReadOnlyList<string> List(string key) => _fields.TryGetValue(key, out var field) ? field.Values : [];

    public int LineOf(string key) => _fields.TryGetValue(key, out var field) ? field.Line : 1;
}
