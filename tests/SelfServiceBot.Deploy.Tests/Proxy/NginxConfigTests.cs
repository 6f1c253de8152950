using System.Diagnostics;
using SelfServiceBot.Deploy.Tests.Infrastructure;

namespace SelfServiceBot.Deploy.Tests.Proxy;

/// <summary>deploy/nginx.conf as the scale-out test runs it: valid for nginx, and changed only where the test says.</summary>
public sealed class NginxConfigTests
{
    private static readonly string Shipped = RepositoryFiles.Read("deploy/nginx.conf");

    [Fact]
    public void The_test_rewrites_only_the_upstream_servers_and_the_listen_port()
    {
        var rewritten = NginxProxy.Rewrite(Shipped, [5001, 5002], 8088);

        var removed = Shipped.Split('\n').Except(rewritten.Split('\n')).Select(l => l.Trim()).ToList();
        var added = rewritten.Split('\n').Except(Shipped.Split('\n')).Select(l => l.Trim()).ToList();
        Assert.Equal(["server bot:3978 resolve;", "listen 80;"], removed);
        Assert.Equal(["server 127.0.0.1:5001;", "server 127.0.0.1:5002;", "listen 127.0.0.1:8088;"], added);
    }

    [Fact]
    public async Task Nginx_accepts_the_shipped_file()
    {
        var folder = Directory.CreateTempSubdirectory("ssb-nginx-t").FullName;
        File.WriteAllText(Path.Combine(folder, "default.conf"), NginxProxy.Rewrite(Shipped, [5001, 5002], LoopbackPort.Free()));
        File.WriteAllText(Path.Combine(folder, "nginx.conf"),
            $"pid {folder}/nginx.pid; error_log stderr; events {{}} http {{ include {folder}/default.conf; }}");
        var start = new ProcessStartInfo("/usr/sbin/nginx") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "-t", "-p", folder, "-c", Path.Combine(folder, "nginx.conf") })
        {
            start.ArgumentList.Add(arg);
        }
        using var nginx = Process.Start(start)!;
        var errors = await nginx.StandardError.ReadToEndAsync();
        await nginx.WaitForExitAsync();
        Assert.True(nginx.ExitCode == 0, errors);
    }
}
