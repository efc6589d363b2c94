using Events.Api.Organisers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;

namespace Events.Web.Hosting;

/// <summary>
/// <c>/openapi/v1.json</c>, the document integrators generate their clients from. The routes say what each operation
/// answers (<c>WithName</c>, <c>ProducesProblem</c>); this adds what no single route knows: the organiser cookie as a
/// security scheme, required by every operation that needs a role and explicitly not by the public ones (a generator
/// then sends the cookie where it is needed), the tags' descriptions, and a server address without a trailing slash.
/// </summary>
public static class ApiDocument
{
    /// <summary>The name of the cookie scheme under <c>components.securitySchemes</c>.</summary>
    public const string CookieScheme = "organiserCookie";

    private static readonly Dictionary<string, string> TagDescriptions = new()
    {
        ["Registration"] = "The event, and registrations for the holders of their management links.",
        ["Organisers"] = "Sign-in and sign-out of organisers: the cookie the check-in operations need.",
        ["Agenda"] = "The published agenda, as JSON and as iCalendar files.",
        ["Check-in"] = "The door: check-ins, their offline queue and the roster. Door staff and admins only.",
    };

    public static IServiceCollection AddApiDocument(this IServiceCollection services) => services.AddOpenApi(options =>
    {
        options.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            var needsRole = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
            operation.Security = needsRole
                ? [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(CookieScheme, context.Document)] = [] }]
                : []; // "security: []" says "no credentials", where a missing list would leave a generator guessing
            return Task.CompletedTask;
        });
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[CookieScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Cookie,
                Name = OrganiserAuth.CookieName,
                Description = "Set by POST /api/v1/auth/login (or the sign-in page); HttpOnly, so browsers send it by themselves.",
            };
            foreach (var tag in document.Tags ?? Enumerable.Empty<OpenApiTag>())
                if (tag.Name is { } name && TagDescriptions.TryGetValue(name, out var description)) tag.Description = description;
            foreach (var server in document.Servers ?? Enumerable.Empty<OpenApiServer>())
                server.Url = server.Url?.TrimEnd('/');
            return Task.CompletedTask;
        });
    });
}
