from django.urls import path

from palermo.accounts.views import audit, members, profile, tokens, verification

app_name = "accounts"

urlpatterns = [
    path("profile/", profile.profile, name="profile"),
    path("mfa-required/", profile.mfa_required, name="mfa-required"),
    path("verification/", profile.request_verification, name="verification-request"),
    path("verification/queue/", verification.verification_queue, name="verification-queue"),
    path(
        "verification/<int:verification_id>/",
        verification.verification_decide,
        name="verification-decide",
    ),
    path("authorities/", members.authorities, name="authorities"),
    path("authorities/<int:organisation_id>/", members.members, name="members"),
    path(
        "authorities/<int:organisation_id>/members/<int:membership_id>/role/",
        members.change_role,
        name="member-role",
    ),
    path(
        "authorities/<int:organisation_id>/members/<int:membership_id>/remove/",
        members.remove_member,
        name="member-remove",
    ),
    path("roles/", members.roles, name="roles"),
    path(
        "roles/focal-points/<int:focal_point_id>/revoke/",
        members.revoke_focal_point,
        name="focal-point-revoke",
    ),
    path("roles/editors/<int:user_id>/revoke/", members.revoke_editor, name="editor-revoke"),
    path("tokens/", tokens.tokens, name="tokens"),
    path("tokens/<int:token_id>/revoke/", tokens.revoke, name="token-revoke"),
    path("audit/", audit.audit_trail, name="audit"),
]
