using AiJukebox.Live;

namespace AiJukebox.Playing;

/// <summary>The key as status lines and the Perform screen write it.</summary>
internal static class KeyText
{
    /// <summary>"key off", "key listening" (following, none heard yet), "key E minor following", "key F# major locked".</summary>
    public static string Describe(PerformerStatus status) => status.KeyState switch
    {
        KeyState.Off => "key off",
        _ when status.Key is not { } key => "key listening",
        KeyState.Locked => $"key {status.Key} locked",
        _ => $"key {status.Key} following",
    };
}
