package org.mvoting.infrastructure.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.mvoting.api.settings.CitySettings;

/**
 * The production adapter: sends through WildFly's mail session (MVOTING_STAFF_MAIL_SESSION, by default
 * {@code java:jboss/mail/Default}, whose SMTP server wildfly-config/07-mail.cli sets from MVOTING_SMTP_HOST and
 * MVOTING_SMTP_PORT). The session is looked up per message, so a changed JNDI name needs no redeploy. The message id
 * goes out as the Message-ID, so a mail system can drop the copy a redelivery may send.
 */
@ApplicationScoped
public class SessionStaffMailer implements StaffMailer {

    @Override
    public void send(UUID messageId, String staffId, String address, String subject, String body) {
        Session session;
        try {
            session = (Session) new InitialContext().lookup(CitySettings.staffMailSession());
        } catch (NamingException | ClassCastException e) {
            throw new MailDeliveryException("no mail session at " + CitySettings.staffMailSession(), e);
        }
        try {
            MimeMessage mail = new MimeMessage(session) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", "<" + messageId + "@mvoting>");
                }
            };
            mail.setRecipient(Message.RecipientType.TO, new InternetAddress(address, true));
            mail.setSubject(subject, StandardCharsets.UTF_8.name());
            mail.setText(body, StandardCharsets.UTF_8.name());
            Transport.send(mail);
        } catch (AddressException e) {
            throw new MailRejectedException("not a mail address: " + address, e);
        } catch (SendFailedException e) {
            if (e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0) {
                throw new MailRejectedException("the mail server refused " + address, e);
            }
            throw new MailDeliveryException("mail not sent: " + e.getMessage(), e);
        } catch (MessagingException e) {
            throw new MailDeliveryException("mail not sent: " + e.getMessage(), e);
        }
    }
}
