namespace Events.Api.Localisation;

public sealed partial class Texts
{
    private static Dictionary<string, (string Fr, string En)> Organisers => new()
    {
        ["signin_title"] = ("Connexion organisateur", "Organiser sign-in"),
        ["password"] = ("Mot de passe", "Password"),
        ["signin_button"] = ("Se connecter", "Sign in"),
        ["signin_failed"] = ("Adresse e-mail ou mot de passe incorrect.", "Wrong e-mail address or password."),
        ["signin_locked"] = ("Trop de tentatives échouées : réessayez dans 15 minutes.", "Too many failed attempts: try again in 15 minutes."),
        ["signout_button"] = ("Se déconnecter", "Sign out"),
        ["organisers_title"] = ("Espace organisateur", "Organiser area"),
        ["signed_in_as"] = ("Connecté en tant que {0} ({1}).", "Signed in as {0} ({1})."),
        ["denied_title"] = ("Accès refusé", "Access denied"),
        ["denied_text"] = ("Votre rôle ne permet pas d'ouvrir cette page.", "Your role does not allow you to open this page."),
        ["role_admin"] = ("administration", "admin"),
        ["role_door"] = ("accueil", "door"),
    };
}
