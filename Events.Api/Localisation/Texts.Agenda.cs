namespace Events.Api.Localisation;

public sealed partial class Texts
{
    private static Dictionary<string, (string Fr, string En)> Agenda => new()
    {
    };
}
