using Microsoft.AspNetCore.Http.HttpResults;
using SelfServiceBot.Costs.Exports;
using SelfServiceBot.Costs.Model;
using SelfServiceBot.Costs.Reports;

namespace SelfServiceBot.Web.Costs;

/// <summary>
/// The cost report for BI tools and the dashboard: the same JSON as <c>costs report --json</c>, the exports, the knowledge
/// gaps, and (Admin only) the cost model's history. Every route needs a signed-in Manager, Supervisor or Admin.
/// </summary>
public static class CostsApi
{
    public static RouteGroupBuilder MapCostsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/costs").RequireAuthorization(CostsAccess.ReportsPolicy).RequireRateLimiting(RateLimits.StaffApiRateLimit.Policy);
        api.MapGet("/report", ReportAsync);
        api.MapGet("/report.csv", CsvAsync);
        api.MapGet("/report.xlsx", ExcelAsync);
        api.MapGet("/contacts.csv", ContactsAsync);
        api.MapGet("/gaps", GapsAsync);
        var model = api.MapGroup("/model").RequireAuthorization(CostsAccess.AdminPolicy);
        model.MapGet("/", ModelHistoryAsync);
        model.MapPost("/", SaveModelAsync);
        return api;
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> ReportAsync(
        string? from, string? to, CostReportService reports, CancellationToken cancellationToken)
    {
        if (Period.Parse(from, to) is not ({ } start, { } end))
        {
            return Period.Problem;
        }
        var report = await reports.ReportAsync(start, end, null, cancellationToken);
        return TypedResults.Content(report.ToJson(), "application/json");
    }

    public static async Task<IResult> CsvAsync(string? from, string? to, CostReportService reports, HttpContext http, CancellationToken cancellationToken)
    {
        if (Period.Parse(from, to) is not ({ } start, { } end))
        {
            return Period.Problem;
        }
        var report = await reports.ReportAsync(start, end, null, cancellationToken);
        Attachment(http, $"cost-report-{from}-{to}.csv", "text/csv; charset=utf-8");
        await using var writer = new StreamWriter(http.Response.Body);
        await CsvExport.WriteReportAsync(report, writer);
        return TypedResults.Empty;
    }

    public static async Task<IResult> ExcelAsync(string? from, string? to, CostReportService reports, ContactList contacts, HttpContext http, CancellationToken cancellationToken)
    {
        if (Period.Parse(from, to) is not ({ } start, { } end))
        {
            return Period.Problem;
        }
        var report = await reports.ReportAsync(start, end, null, cancellationToken);
        Attachment(http, $"cost-report-{from}-{to}.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        await ExcelExport.WriteAsync(report, contacts.ReadAsync(start, end, cancellationToken), http.Response.Body, cancellationToken);
        return TypedResults.Empty;
    }

    public static async Task<IResult> ContactsAsync(string? from, string? to, ContactList contacts, HttpContext http, CancellationToken cancellationToken)
    {
        if (Period.Parse(from, to) is not ({ } start, { } end))
        {
            return Period.Problem;
        }
        Attachment(http, $"contacts-{from}-{to}.csv", "text/csv; charset=utf-8");
        await using var writer = new StreamWriter(http.Response.Body);
        await CsvExport.WriteContactsAsync(contacts.ReadAsync(start, end, cancellationToken), writer, cancellationToken);
        return TypedResults.Empty;
    }

    public static async Task<Results<Ok<IReadOnlyList<KnowledgeGap>>, ProblemHttpResult>> GapsAsync(
        string? from, string? to, CostReportService reports, KnowledgeGaps gaps, CancellationToken cancellationToken)
    {
        if (Period.Parse(from, to) is not ({ } start, { } end))
        {
            return Period.Problem;
        }
        var report = await reports.ReportAsync(start, end, null, cancellationToken);
        return TypedResults.Ok(await gaps.TopAsync(start, end, report.HumanCpc, 20, cancellationToken));
    }

    /// <summary>The versions, newest first, with each model in the file form's snake_case names.</summary>
    public static async Task<ContentHttpResult> ModelHistoryAsync(CostModelStore models, CancellationToken cancellationToken)
    {
        var versions = (await models.HistoryAsync(cancellationToken))
            .Select(v => new ModelVersion(v.Id, DateOnly.FromDateTime(v.ValidFrom.UtcDateTime), v.CreatedAt, v.CreatedBy, CostModel.Parse(v.ModelJson)));
        return TypedResults.Content(System.Text.Json.JsonSerializer.Serialize(versions, CostModel.Json), "application/json");
    }

    /// <summary>Body: {"valid_from": "YYYY-MM-DD", "model": {"human": {...}, "bot": {...}, "budget": {...}}}.</summary>
    public static async Task<Results<Created, ProblemHttpResult>> SaveModelAsync(CostModelStore models, HttpContext http, CancellationToken cancellationToken)
    {
        // Only JSON: a cross-site page can POST a form (text/plain can carry a JSON-looking body) without asking, but JSON
        // needs a CORS preflight this app never grants. The SameSite=Lax sign-in cookie already stays home; this holds
        // without it too.
        if (!http.Request.HasJsonContentType())
        {
            return TypedResults.Problem("Send the cost model as application/json.", statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "The cost model must be JSON");
        }
        SaveModelRequest? request;
        try
        {
            request = await System.Text.Json.JsonSerializer.DeserializeAsync<SaveModelRequest>(http.Request.Body, CostModel.Json, cancellationToken);
        }
        catch (System.Text.Json.JsonException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: 400, title: "The cost model is not valid");
        }
        if (request?.Model is null || request.ValidFrom is not { } validFrom)
        {
            return TypedResults.Problem("Send {\"valid_from\": \"YYYY-MM-DD\", \"model\": {\"human\": {...}, \"bot\": {...}, \"budget\": {...}}}.", statusCode: 400);
        }
        try
        {
            var saved = await models.SaveAsync(request.Model, validFrom, http.User.Identity?.Name, cancellationToken);
            return TypedResults.Created($"/api/costs/model/{saved.Id}");
        }
        catch (CostModelInvalidException ex)
        {
            return TypedResults.Problem(string.Join(" ", ex.Errors), statusCode: 400, title: "The cost model is not valid");
        }
    }

    private static void Attachment(HttpContext http, string name, string contentType)
    {
        http.Response.ContentType = contentType;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
    }

    public sealed record ModelVersion(long Id, DateOnly ValidFrom, DateTimeOffset CreatedAt, string? CreatedBy, CostModel Model);

    public sealed record SaveModelRequest(DateOnly? ValidFrom, CostModel? Model);
}
