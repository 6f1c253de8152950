namespace SelfServiceBot.Web.Tests.Observability;

/// <summary>
/// Tests that count metrics run alone, after the parallel ones: OpenTelemetry listens to meters by name, so a host's
/// provider also hears the meters of every other host in the process (in production there is one host per process).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry (one host at a time)";
}
