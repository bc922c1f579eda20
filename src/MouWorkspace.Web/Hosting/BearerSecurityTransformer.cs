using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MouWorkspace.Web.Hosting;

/// <summary>Declares the bearer scheme in the OpenAPI document so that clients know every /api call needs a JWT.</summary>
internal sealed class BearerSecurityTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "A token from Entra ID, or from POST /api/dev/token in the local mode.",
        };
        document.Info.Title = "MouWorkspace API";
        document.Info.Description = "Negotiate and track memoranda of understanding: clauses, drafts, comments, proposals, revisions and positions.";
        return Task.CompletedTask;
    }
}
