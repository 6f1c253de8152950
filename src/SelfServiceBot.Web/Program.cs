using SelfServiceBot.AI;
using SelfServiceBot.BotFramework;
using SelfServiceBot.BotFramework.Messages;
using SelfServiceBot.BotFramework.DirectLine;
using SelfServiceBot.Conversation;
using SelfServiceBot.Costs;
using SelfServiceBot.Data;
using SelfServiceBot.Handoff;
using SelfServiceBot.Knowledge;
using SelfServiceBot.KnowledgeDrafts;
using SelfServiceBot.Web.AgentConsole;
using SelfServiceBot.Web.AgentProfiles;
using SelfServiceBot.Web.Cli;
using SelfServiceBot.Web.Costs;
using SelfServiceBot.Web.Diagnostics;
using SelfServiceBot.Web.Hosting;
using SelfServiceBot.Web.KnowledgeDrafts;
using SelfServiceBot.Web.Legal;
using SelfServiceBot.Web.Observability;
using SelfServiceBot.Web.Persistence;
using SelfServiceBot.Web.RateLimits;
using SelfServiceBot.Web.Security;
using SelfServiceBot.Web.SignIn;

// With a verb (kb ..., costs ...) the executable is the CLI; with none it serves.
if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = ContentRoot.Resolve(args) });

// The Bot Framework convention, unless ASPNETCORE_URLS, --urls or a Urls setting says otherwise.
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls("http://localhost:3978");
}

builder.Services.AddBotDatabase();
builder.Services.AddBotFramework();
builder.Services.AddBotMessages();
builder.Services.AddKnowledge();
builder.Services.AddHandoff();
builder.Services.AddConversation();
builder.Services.AddCosts();
builder.Services.AddAI();
builder.Services.AddDirectLine();
builder.AddDiagnostics();          // after AddConversation: Diagnostics:EchoBot replaces the bot
builder.AddGracefulShutdown();
builder.AddObservability();
builder.AddSignIn();
builder.AddAgentConsole();
builder.AddAgentProfiles();
builder.Services.AddKnowledgeDrafts();
builder.AddLegalPages();
builder.AddRateLimits();
builder.AddSecurityHeaders();

var app = builder.Build();

// The middleware pipeline, in this order and only here (the Map* lines below only map endpoints). The host puts the
// forwarded headers (ASPNETCORE_FORWARDEDHEADERS_ENABLED) and, in Development, the exception page before all of it.
app.UseRouting();               // first, so every middleware below sees the matched endpoint (its policies, CORS, limits)
app.UseSecurityHeaders();       // before anything can answer: static files, redirects and 4xx carry CSP, nosniff, HSTS
app.UseDefaultFiles();          // the public chat page at / (wwwroot/index.html) with the Web Chat bundle in wwwroot/lib
app.UseStaticFiles();
app.UseStaffCultures();         // staff pages in en / zh-CN (language cookie, then Accept-Language)
app.UseLegalPageCultures();     // /privacy and /terms: the same, or ?culture=
app.UseCors();                  // only endpoints that name a policy: Direct Line, for Web Chat embedded on other origins
app.UseWebSockets();            // WebSocket upgrades: Direct Line's stream, the agent hub
app.UseAuthentication();
app.UseAuthorization();         // the staff policies; endpoints and pages name them
app.UseMustChangePassword();    // after sign-in is known: a one-time password opens nothing but /account
app.UseRateLimiter();           // after authentication (the staff limit is per user) and CORS (a 429 is readable cross-origin)

app.MapSignIn();
app.MapAgentConsole();
app.MapAgentProfiles();
app.MapKnowledgeDrafts();
app.MapLegalPages();
app.MapObservability();
app.MapBotMessages();
app.MapEchoEndpoint();
app.MapDirectLine();
app.MapCosts();

await app.RunAsync();
return 0;

public partial class Program;
