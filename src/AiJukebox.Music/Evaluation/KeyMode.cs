namespace AiJukebox.Music.Evaluation;

/// <summary>Major or minor.</summary>
public enum KeyMode
{
    /// <summary>A major key.</summary>
    Major,

    /// <summary>A minor key.</summary>
    Minor,
}
