namespace SelfServiceBot.Web.Cli;

/// <summary>`health`: a container health check that needs no curl in the runtime image.</summary>
internal static class HealthProbe
{
    public static async Task<int> RunAsync(string? url)
    {
        url ??= "http://localhost:3978/healthz";
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await http.GetAsync(url);
            Console.WriteLine($"{url}: {(int)response.StatusCode}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            Console.Error.WriteLine($"{url}: {ex.Message}");
            return 1;
        }
    }
}
