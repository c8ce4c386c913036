using AiJukebox.Configuration;
using AiJukebox.Services;

namespace AiJukebox.Tests.Services;

public sealed class ModelCatalogTests : IDisposable
{
    // The repository's config names the shipped model; the test copies its card.
    private static readonly string ShippedCard = JukeboxConfig.Load().DefaultModel;
    private readonly string _root = Directory.CreateTempSubdirectory("aijukebox-catalog-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Find_RunFoldersUnderTheRoots_OneEntryPerReadableCard()
    {
        var trained = Path.Combine(_root, "trained");
        var alpha = Card(trained, "alpha");
        Card(trained, "beta");
        Directory.CreateDirectory(Path.Combine(trained, "empty"));
        Directory.CreateDirectory(Path.Combine(trained, "broken"));
        File.WriteAllText(Path.Combine(trained, "broken", "model.json"), "{ not json");
        var elsewhere = Card(_root, "elsewhere");

        var found = ModelCatalog.Find(
            [trained, Path.Combine(_root, "no-such-folder")],
            [Path.GetDirectoryName(alpha), Path.Combine(Path.GetDirectoryName(elsewhere)!, "best.safetensors"), null, Path.Combine(_root, "missing", "model.json")]);

        Assert.Equal(["alpha", "beta", "elsewhere"], found.Select(e => e.Label.Split(' ')[0]));
        Assert.Equal(Path.GetFullPath(alpha), found[0].CardPath);
        Assert.Equal("alpha lstm 256x2 ppl 5.74", found[0].Label);
    }

    [Fact]
    public void Find_NothingThere_IsEmpty()
    {
        Assert.Empty(ModelCatalog.Find([Path.Combine(_root, "nothing")], []));
    }

    private static string Card(string root, string name)
    {
        var folder = Path.Combine(root, name);
        Directory.CreateDirectory(folder);
        var card = Path.Combine(folder, "model.json");
        File.Copy(ShippedCard, card);
        return card;
    }
}
