using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SelfServiceBot.Deploy.Tests.Infrastructure;

/// <summary>deploy/docker-compose.yml as compose reads it: YAML merge keys resolved, <c>${NAME:-default}</c> substituted.</summary>
internal sealed partial class ComposeFile
{
    private readonly YamlMappingNode _services;

    private ComposeFile(YamlMappingNode services) => _services = services;

    public static ComposeFile Shipped { get; } = Load(RepositoryFiles.Read("deploy/docker-compose.yml"));

    public static ComposeFile Load(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new MergingParser(new Parser(new StringReader(yaml))));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        return new ComposeFile((YamlMappingNode)root["services"]);
    }

    public IEnumerable<string> ServiceNames => _services.Children.Keys.Select(k => ((YamlScalarNode)k).Value!);

    public YamlMappingNode Service(string name) => (YamlMappingNode)_services[name];

    /// <summary>A scalar at a path of mapping keys under the service, or null.</summary>
    public string? Value(string service, params string[] path)
    {
        YamlNode node = Service(service);
        foreach (var key in path)
        {
            if (node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out var child))
            {
                return null;
            }
            node = child;
        }
        return (node as YamlScalarNode)?.Value;
    }

    /// <summary>The service's environment, with compose's variable syntax filled from <paramref name="variables"/>.</summary>
    public Dictionary<string, string> Environment(string service, IReadOnlyDictionary<string, string> variables)
    {
        var environment = (YamlMappingNode)Service(service)["environment"];
        return environment.Children.ToDictionary(
            e => ((YamlScalarNode)e.Key).Value!,
            e => Substitute(((YamlScalarNode)e.Value).Value ?? "", variables));
    }

    private static string Substitute(string value, IReadOnlyDictionary<string, string> variables) =>
        Variable().Replace(value, m =>
        {
            var name = m.Groups["name"].Value;
            var set = variables.TryGetValue(name, out var v) && v.Length > 0;
            return m.Groups["op"].Value switch
            {
                ":-" => set ? v! : m.Groups["rest"].Value,
                ":?" => set ? v! : throw new InvalidOperationException($"compose would stop: {name}: {m.Groups["rest"].Value}"),
                _ => set ? v! : "",
            };
        });

    [GeneratedRegex(@"\$\{(?<name>[A-Z0-9_]+)(?:(?<op>:-|:\?)(?<rest>[^}]*))?\}")]
    private static partial Regex Variable();
}
