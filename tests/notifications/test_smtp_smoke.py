from django.core.mail import send_mail


def test_a_message_travels_through_the_smtp_server(mailbox):
    send_mail("Hello", "Body", "portal@inepa.si", ["a@example.org"])
    (message,) = mailbox.messages
    assert message["Subject"] == "Hello"
    assert message["To"] == "a@example.org"
