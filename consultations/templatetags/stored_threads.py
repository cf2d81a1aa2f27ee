"""{% stored_thread comment headings %}…{% endstored_thread %}: a thread's HTML, which the
page's `StoredThreads` (consultations.fragments) may give from the cache."""

from django import template

from ..fragments import has_feedback

register = template.Library()


class StoredThreadNode(template.Node):
    def __init__(self, nodelist, comment, headings):
        self.nodelist = nodelist
        self.comment = comment
        self.headings = headings

    def render(self, context):
        threads = context.get("stored_threads")
        thread = self.comment.resolve(context)
        if threads is None or has_feedback(thread):
            # No store on this page, or feedback in this thread: rendered as it is.
            return self.nodelist.render(context)
        return threads.thread(
            thread,
            self.headings.resolve(context),
            lambda: self.nodelist.render(context),
            lambda: str(context.get("csrf_token", "")),
        )


@register.tag
def stored_thread(parser, token):
    bits = token.split_contents()
    if len(bits) != 3:
        raise template.TemplateSyntaxError("stored_thread takes a comment and its headings")
    nodelist = parser.parse(("endstored_thread",))
    parser.delete_first_token()
    comment, headings = (parser.compile_filter(bit) for bit in bits[1:])
    return StoredThreadNode(nodelist, comment, headings)
