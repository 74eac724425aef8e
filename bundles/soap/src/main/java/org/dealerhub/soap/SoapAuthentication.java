package org.dealerhub.soap;

import javax.servlet.http.HttpServletRequest;

import org.apache.cxf.configuration.security.AuthorizationPolicy;
import org.apache.cxf.interceptor.AttachmentInInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.interceptor.security.AuthenticationException;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.dealerhub.api.Authentication;
import org.dealerhub.api.Caller;
import org.dealerhub.api.DomainException;

/**
 * HTTP Basic authentication of every SOAP call against the platform's JAAS realm, in the RECEIVE phase: before the
 * StAX reader exists, so an unauthenticated envelope is refused (401, a Client fault) without its body being parsed;
 * too many failed logins answer a client fault with HTTP status 429.
 */
final class SoapAuthentication extends AbstractPhaseInterceptor<Message> {

    static final String CALLER = "dealerhub.caller";

    private final Authentication authentication;

    SoapAuthentication(Authentication authentication) {
        super(Phase.RECEIVE);
        addBefore(AttachmentInInterceptor.class.getName());
        this.authentication = authentication;
    }

    @Override
    public void handleMessage(Message message) {
        if ("GET".equals(message.get(Message.HTTP_REQUEST_METHOD))) {
            return; // the WSDL is public; no operation can be called by GET
        }
        AuthorizationPolicy policy = message.get(AuthorizationPolicy.class);
        Object http = message.get(AbstractHTTPDestination.HTTP_REQUEST);
        String address = http instanceof HttpServletRequest r ? r.getRemoteAddr() : null;
        Caller caller;
        try {
            caller = policy == null ? null : authentication.authenticate(policy.getUserName(), policy.getPassword(),
                    address).orElse(null);
        } catch (Authentication.Throttled e) {
            Fault fault = new Fault(DealerhubFault.throttled(e.getMessage()));
            fault.setFaultCode(Fault.FAULT_CODE_CLIENT);
            fault.setStatusCode(429);
            throw fault;
        } catch (DomainException refused) {
            // a user the realm knows but Dealerhub refuses, e.g. a customer bound ambiguously (PORTAL-ACCT-1)
            Fault fault = new Fault(DealerhubFault.of(refused));
            fault.setFaultCode(Fault.FAULT_CODE_CLIENT);
            fault.setStatusCode(403);
            throw fault;
        }
        if (caller == null) {
            throw fault("authentication required", 401);
        }
        message.put(CALLER, caller);
    }

    private static Fault fault(String message, int status) {
        Fault fault = new Fault(new AuthenticationException(message));
        fault.setFaultCode(Fault.FAULT_CODE_CLIENT);
        fault.setStatusCode(status);
        return fault;
    }
}
