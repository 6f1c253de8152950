using SelfServiceBot.BotFramework;
using SelfServiceBot.BotFramework.Messages;
using SelfServiceBot.BotFramework.DirectLine;
using SelfServiceBot.Conversation;
using SelfServiceBot.Costs;
using SelfServiceBot.Data;
using SelfServiceBot.Web.AgentConsole;
using SelfServiceBot.Web.AgentProfiles;
using SelfServiceBot.Web.Chat;
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
builder.Services.AddConversation();
builder.Services.AddCosts();
builder.Services.AddDirectLine();
builder.AddDiagnostics();
builder.AddGracefulShutdown();
builder.AddObservability();
builder.AddSignIn();
builder.AddAgentConsole();
builder.AddAgentProfiles();
builder.AddKnowledgeDrafts();
builder.AddLegalPages();
builder.AddRateLimits();
builder.AddSecurityHeaders();

var app = builder.Build();

app.UseSecurityHeaders();
app.MapChatPage();
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
app.UseRateLimits();

await app.RunAsync();
return 0;

public partial class Program;
