namespace SelfServiceBot.Benchmarks;

internal sealed record BenchOptions(int Turns, int Concurrency, string WebDll)
{
    public static BenchOptions Parse(string[] args)
    {
        int turns = 2000, concurrency = 16;
        string? dll = null;
        for (var i = 0; i < args.Length - 1; i++)
        {
            switch (args[i])
            {
                case "--turns": turns = int.Parse(args[++i]); break;
                case "--concurrency": concurrency = int.Parse(args[++i]); break;
                case "--web-dll": dll = args[++i]; break;
            }
        }
        dll ??= Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/SelfServiceBot.Web/bin/Release/net10.0/SelfServiceBot.Web.dll"));
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"Build the web app in Release first (dotnet build -c Release): {dll}");
        }
        return new BenchOptions(turns, concurrency, dll);
    }
}
