using System.Net;
using SelfServiceBot.Web.SignIn;
using SelfServiceBot.Web.Tests.Infrastructure;

namespace SelfServiceBot.Web.Tests.SignIn;

/// <summary>Staff sign-in over real HTTP: redirects, roles, wrong passwords, anti-forgery, lockout.</summary>
public class SignInTests
{
    private const string Password = "Correct-horse-9";

    [Theory]
    [InlineData("/staff")]
    [InlineData("/admin/users")]
    public async Task An_anonymous_request_for_a_staff_page_is_sent_to_the_sign_in_page(string path)
    {
        using var app = new AppServer();
        using var client = new StaffClient(app);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/account/sign-in?ReturnUrl={Uri.EscapeDataString(path)}", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task A_script_without_a_sign_in_gets_401_not_a_redirect()
    {
        using var app = new AppServer();
        using var client = app.CreateHttpClient();
        client.DefaultRequestHeaders.Accept.ParseAdd("application/json");

        var response = await client.GetAsync("/staff");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_agent_signs_in_lands_on_the_return_url_and_sees_the_staff_home()
    {
        using var app = new AppServer();
        await StaffClient.CreateUserAsync(app, "anna@example.com", Password, StaffRoles.Agent);
        using var client = new StaffClient(app);

        var signIn = await client.SignInAsync("anna@example.com", Password, returnUrl: "/staff");
        var home = await client.GetAsync("/staff");

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/staff", signIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var html = await home.Content.ReadAsStringAsync();
        Assert.Contains("anna@example.com", html);
        Assert.DoesNotContain("/admin/users", html);
    }

    [Fact]
    public async Task A_return_url_to_another_site_is_ignored()
    {
        using var app = new AppServer();
        await StaffClient.CreateUserAsync(app, "anna@example.com", Password, StaffRoles.Agent);
        using var client = new StaffClient(app);

        var signIn = await client.SignInAsync("anna@example.com", Password, returnUrl: "//evil.example/steal");

        Assert.Equal("/staff", signIn.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData(StaffRoles.Agent)]
    [InlineData(StaffRoles.Manager)]
    [InlineData(StaffRoles.Supervisor)]
    public async Task A_signed_in_user_without_the_admin_role_gets_403_on_the_users_page(string role)
    {
        using var app = new AppServer();
        await StaffClient.CreateUserAsync(app, "someone@example.com", Password, role);
        using var client = new StaffClient(app);
        await client.SignInAsync("someone@example.com", Password);

        var response = await client.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("No access", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_admin_sees_the_users_with_their_roles_and_a_link_on_the_staff_home()
    {
        using var app = new AppServer();
        await StaffClient.CreateUserAsync(app, "root@example.com", Password, StaffRoles.Admin);
        await StaffClient.CreateUserAsync(app, "anna@example.com", Password, StaffRoles.Agent, StaffRoles.Supervisor);
        using var client = new StaffClient(app);
        await client.SignInAsync("root@example.com", Password);

        var users = await (await client.GetAsync("/admin/users")).Content.ReadAsStringAsync();
        var home = await (await client.GetAsync("/staff")).Content.ReadAsStringAsync();

        Assert.Matches("anna@example.com</td>\\s*<td>Agent, Supervisor</td>", users);
        Assert.Contains("href=\"/admin/users\"", home);
    }

    [Theory]
    [InlineData("anna@example.com", "Wrong-password-1")]
    [InlineData("nobody@example.com", Password)]
    public async Task A_wrong_password_or_unknown_e_mail_fails_with_the_same_message_and_no_session(string email, string password)
    {
        using var app = new AppServer();
        await StaffClient.CreateUserAsync(app, "anna@example.com", Password, StaffRoles.Agent);
        using var client = new StaffClient(app);

        var signIn = await client.SignInAsync(email, password);
        var home = await client.GetAsync("/staff");

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains("The e-mail or password is not correct.", await signIn.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Fact]
    public async Task A_sign_in_post_without_the_anti_forgery_token_is_rejected()
    {
        using var app = new AppServer();
        await StaffClient.CreateUserAsync(app, "anna@example.com", Password, StaffRoles.Agent);
        using var client = new StaffClient(app);
        await client.GetAsync(SignInExtensions.SignInPath);

        var response = await client.PostWithoutTokenAsync(SignInExtensions.SignInPath,
            new Dictionary<string, string> { ["email"] = "anna@example.com", ["password"] = Password });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/staff")).StatusCode);
    }

    [Fact]
    public async Task Sign_out_needs_the_anti_forgery_token_and_then_ends_the_session()
    {
        using var app = new AppServer();
        await StaffClient.CreateUserAsync(app, "anna@example.com", Password, StaffRoles.Agent);
        using var client = new StaffClient(app);
        await client.SignInAsync("anna@example.com", Password);

        var forged = await client.PostWithoutTokenAsync(SignInExtensions.SignOutPath, new Dictionary<string, string>());
        var stillIn = await client.GetAsync("/staff");
        var signedOut = await client.PostFormAsync("/staff", new Dictionary<string, string>(), SignInExtensions.SignOutPath);
        var after = await client.GetAsync("/staff");

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_so_even_the_right_one_is_refused()
    {
        using var app = new AppServer();
        await StaffClient.CreateUserAsync(app, "anna@example.com", Password, StaffRoles.Agent);
        using var client = new StaffClient(app);
        for (var i = 0; i < 5; i++)
        {
            await client.SignInAsync("anna@example.com", $"Wrong-password-{i}");
        }

        var right = await client.SignInAsync("anna@example.com", Password);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("this account is locked", await right.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/staff")).StatusCode);
    }

    [Fact]
    public async Task Four_wrong_passwords_do_not_lock_the_account()
    {
        using var app = new AppServer();
        await StaffClient.CreateUserAsync(app, "anna@example.com", Password, StaffRoles.Agent);
        using var client = new StaffClient(app);
        for (var i = 0; i < 4; i++)
        {
            await client.SignInAsync("anna@example.com", $"Wrong-password-{i}");
        }

        var right = await client.SignInAsync("anna@example.com", Password);

        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
    }
}
