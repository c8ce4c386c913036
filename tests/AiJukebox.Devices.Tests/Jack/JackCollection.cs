namespace AiJukebox.Devices.Tests.Jack;

/// <summary>All tests that use the JACK server share one server and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class JackCollection : ICollectionFixture<JackServerFixture>
{
    public const string Name = "Jack";
}
