"""Who may do what with articles: one home for views and the admin alike."""


def can_preview(user) -> bool:
    """Unpublished articles are for staff who may change them, as in the admin; seeing
    other parts of the admin (moderators) is not enough."""
    return bool(
        user.is_authenticated
        and user.is_active
        and user.is_staff
        and user.has_perm("articles.change_article")
    )
