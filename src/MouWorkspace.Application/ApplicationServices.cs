using Microsoft.Extensions.DependencyInjection;
using MouWorkspace.Application.Access;
using MouWorkspace.Application.Clauses;
using MouWorkspace.Application.Discussion;

namespace MouWorkspace.Application;

public static class ApplicationServices
{
    /// <summary>The services the endpoints and the pages share (singletons: they hold no state of their own).</summary>
    public static IServiceCollection AddApplicationServices(this IServiceCollection services) => services
        .AddSingleton<MouAccess>()
        .AddSingleton<ClauseService>()
        .AddSingleton<DiscussionService>();
}
