namespace AiJukebox.Live;

/// <summary>How the jukebox's key is decided now.</summary>
public enum KeyState
{
    /// <summary>No key: the sampler is not steered.</summary>
    Off,

    /// <summary>The key follows the estimate (from the player's notes, else the jukebox's own).</summary>
    Following,

    /// <summary>The key is held where it is (a fixed key, or an estimate locked by a key or control).</summary>
    Locked,
}
