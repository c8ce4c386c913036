namespace AiJukebox.Tests.Commands;

/// <summary>The models committed under trained/ (the repository's, found above the test folder).</summary>
internal static class ShippedModels
{
    /// <summary>The run folder of a shipped model, such as "piano-midi-de".</summary>
    public static string Folder(string name) => Path.Combine(RepositoryRoot(), "trained", name);

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "AiJukebox.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("AiJukebox.sln not found above the test folder.");
    }
}
