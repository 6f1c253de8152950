using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using SelfServiceBot.Web.SignIn;
using SelfServiceBot.Web.Tests.Infrastructure;

namespace SelfServiceBot.Web.Tests.SignIn;

/// <summary>The policy table as the running app evaluates it.</summary>
public class StaffPoliciesTests : IClassFixture<StaffPoliciesTests.App>
{
    private readonly IAuthorizationService _authorization;

    public StaffPoliciesTests(App app) => _authorization = app.Server.Services.GetRequiredService<IAuthorizationService>();

    [Theory]
    [InlineData(StaffRoles.Agent, StaffPolicies.Agents, true)]
    [InlineData(StaffRoles.Supervisor, StaffPolicies.Agents, true)]
    [InlineData(StaffRoles.Admin, StaffPolicies.Agents, true)]
    [InlineData(StaffRoles.Manager, StaffPolicies.Agents, false)]
    [InlineData(StaffRoles.Manager, StaffPolicies.Reports, true)]
    [InlineData(StaffRoles.Supervisor, StaffPolicies.Reports, true)]
    [InlineData(StaffRoles.Admin, StaffPolicies.Reports, true)]
    [InlineData(StaffRoles.Agent, StaffPolicies.Reports, false)]
    [InlineData(StaffRoles.Supervisor, StaffPolicies.Supervisors, true)]
    [InlineData(StaffRoles.Admin, StaffPolicies.Supervisors, true)]
    [InlineData(StaffRoles.Agent, StaffPolicies.Supervisors, false)]
    [InlineData(StaffRoles.Manager, StaffPolicies.Supervisors, false)]
    [InlineData(StaffRoles.Admin, StaffPolicies.Admin, true)]
    [InlineData(StaffRoles.Supervisor, StaffPolicies.Admin, false)]
    public async Task A_role_passes_exactly_the_policies_it_belongs_to(string role, string policy, bool allowed)
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "x"), new Claim(ClaimTypes.Role, role)], "test"));

        var result = await _authorization.AuthorizeAsync(user, policy);

        Assert.Equal(allowed, result.Succeeded);
    }

    [Fact]
    public async Task An_anonymous_user_passes_no_policy()
    {
        var anonymous = new ClaimsPrincipal(new ClaimsIdentity());
        foreach (var policy in StaffPolicies.Roles.Keys)
        {
            Assert.False((await _authorization.AuthorizeAsync(anonymous, policy)).Succeeded);
        }
    }

    public sealed class App : IDisposable
    {
        public AppServer Server { get; } = new();

        public void Dispose() => Server.Dispose();
    }
}
