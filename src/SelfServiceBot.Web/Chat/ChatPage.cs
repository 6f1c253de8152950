namespace SelfServiceBot.Web.Chat;

public static class ChatPage
{
    /// <summary>
    /// The customer chat page at / (wwwroot/index.html) with the official Web Chat bundle from
    /// wwwroot/lib, which the build copies out of ClientApp's npm packages.
    /// </summary>
    public static WebApplication MapChatPage(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles();
        return app;
    }
}
