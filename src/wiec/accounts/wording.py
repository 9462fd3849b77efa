"""allauth's own words that its Polish and Ukrainian catalogues get wrong, listed so that
`makemessages` keeps Wiec's translations of them in this app's catalogues.

Ukrainian copies English Title Case ("Відновити Мій Пароль") and leaves the e-mail field
"Email"; Polish speaks to men only ("Zapomniałeś hasła?"); both call the office "us" in a
voice that is not the office's. `wiec.accounts` comes before allauth in INSTALLED_APPS, so its
catalogue wins for these message ids; English gets sentence case to match the rest of the site.
Nothing imports this module at run time: it exists for the message extractor (and a test).
"""

from __future__ import annotations

from django.utils.translation import gettext_noop

ALLAUTH_WORDING = (
    gettext_noop("Email"),
    gettext_noop("Remember Me"),
    gettext_noop("Current Password"),
    gettext_noop("New Password"),
    gettext_noop("New Password (again)"),
    gettext_noop("Password Reset"),
    gettext_noop("Reset My Password"),
    gettext_noop("Change Password"),
    gettext_noop("Set Password"),
    gettext_noop("Password Changed"),
    gettext_noop("Password Set"),
    gettext_noop("Password Reset Email"),
    gettext_noop("Verify Your Email Address"),
    gettext_noop("Confirm Email Address"),
    gettext_noop("Email Address"),
    gettext_noop("Email Addresses"),
    gettext_noop("Add Email Address"),
    gettext_noop("Add Email"),
    gettext_noop("Make Primary"),
    gettext_noop("Re-send Verification"),
    gettext_noop("Change Email"),
    gettext_noop("Cancel Change"),
    gettext_noop("Email Changed"),
    gettext_noop("Email Confirmation"),
    gettext_noop("Email Removed"),
    gettext_noop("Bad Token"),
    gettext_noop("Confirm Access"),
    gettext_noop("Account Inactive"),
    gettext_noop("Sign Up Closed"),
    gettext_noop("Already have an account? Then please %(link)ssign in%(end_link)s."),
    gettext_noop(
        "Forgotten your password? Enter your email address below, and we'll send you an "
        "email allowing you to reset it."
    ),
    gettext_noop(
        "We have sent you an email. If you have not received it please check your spam "
        "folder. Otherwise contact us if you do not receive it in a few minutes."
    ),
    gettext_noop("This mail can be safely ignored if you did not initiate this action."),
    gettext_noop("You are already logged in as %(user_display)s."),
    gettext_noop(
        "You currently do not have any email address set up. You should really add an "
        "email address so you can receive notifications, reset your password, etc."
    ),
    gettext_noop("Are you sure?"),
    gettext_noop("Authenticator App"),
    gettext_noop("Recovery Codes"),
    gettext_noop("Activate Authenticator App"),
    gettext_noop("Deactivate Authenticator App"),
    gettext_noop(
        "You are about to deactivate authenticator app based authentication. Are you sure?"
    ),
    # Issue 9: e-mail subjects and page titles that still came through in allauth's wording
    # ("Proszę potwierdź", "Wprowadż hasło", Ukrainian Title Case, English "Signup").
    gettext_noop("Please Confirm Your Email Address"),
    gettext_noop("Enter your password:"),
    gettext_noop("Enter Password Reset Code"),
    gettext_noop("Password Reset Code"),
    gettext_noop("Signup"),
    gettext_noop("Sign Up"),
    gettext_noop("Sign In"),
    gettext_noop("Sign Out"),
    gettext_noop("Two-Factor Authentication"),
    gettext_noop("Email Verification"),
    gettext_noop("Account Already Exists"),
    gettext_noop("Unknown Account"),
    gettext_noop("Authenticator App Activated"),
    gettext_noop("Authenticator App Deactivated"),
    gettext_noop("New Recovery Codes Generated"),
    gettext_noop("Recovery Codes Generated"),
    gettext_noop("TOTP Authenticator"),
)
