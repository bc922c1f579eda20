using Azure.Storage.Blobs;
using MouWorkspace.Web.Tests.Infrastructure;

namespace MouWorkspace.Web.Tests.Storage;

[Collection("azurite")]
public sealed class AzuriteFixtureTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Shared_Azurite_answers_through_its_connection_string()
    {
        var container = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient("fixture-" + Guid.NewGuid().ToString("N"));

        await container.CreateAsync();

        Assert.True(await container.ExistsAsync());
    }
}
