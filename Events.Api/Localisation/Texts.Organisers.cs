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
        ["role"] = ("Rôle", "Role"),
        ["role_door_text"] = ("Accueil : contrôle des billets et recherche par nom", "Door: check-in and search by name"),
        ["role_admin_text"] = ("Administration : tout, y compris les comptes", "Admin: everything, accounts included"),
        ["organiser_name"] = ("Nom affiché", "Display name"),
        ["new_password"] = ("Mot de passe", "Password"),
        ["password_hint"] = ("Au moins {0} caractères ; une phrase facile à retenir convient très bien.", "At least {0} characters; an easy-to-remember sentence is fine."),
        ["password_too_short"] = ("Le mot de passe doit compter au moins {0} caractères.", "The password must have at least {0} characters."),
        ["link_expired"] = ("Ce lien n'est plus valable : il a déjà servi ou a expiré. Demandez-en un nouveau.", "This link no longer works: it has been used or has expired. Ask for a new one."),
        ["setup_title"] = ("Créer le premier compte administrateur", "Create the first admin account"),
        ["setup_text"] = ("Ce lien à usage unique a été affiché dans le journal au démarrage, car aucun administrateur n'existe encore.", "This single-use link was printed in the log at start-up because no admin exists yet."),
        ["setup_button"] = ("Créer le compte", "Create the account"),
        ["invitation_title"] = ("Rejoindre l'équipe organisatrice", "Join the organising team"),
        ["invitation_text"] = ("Choisissez votre mot de passe pour activer votre compte.", "Choose your password to activate your account."),
        ["invitation_button"] = ("Activer mon compte", "Activate my account"),
        ["staff_title"] = ("Équipe organisatrice", "Organising team"),
        ["staff_link"] = ("Équipe : comptes et invitations", "Team: accounts and invitations"),
        ["invite_title"] = ("Inviter une personne", "Invite someone"),
        ["invite_button"] = ("Envoyer l'invitation", "Send the invitation"),
        ["invited_text"] = ("Invitation envoyée à {0}.", "Invitation sent to {0}."),
        ["organiser_exists"] = ("Cette adresse a déjà un compte organisateur.", "This address already has an organiser account."),
        ["account_state"] = ("État", "State"),
        ["state_invited"] = ("invitation envoyée", "invited"),
        ["state_active"] = ("actif", "active"),
    };
}
