package org.mvoting.application.ballots;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.mvoting.api.ballots.CastReceipt;
import org.mvoting.api.errors.BusinessException;
import org.mvoting.infrastructure.metrics.NodeCounters;

/**
 * Counts each cast's outcome for /metrics: refused by its problem code, a retry that got its earlier receipt, or a
 * new ballot, counted only once its transaction has committed (a cast inside a larger use case that then fails
 * was not accepted). Runs inside the cast's transaction, so the commit is watched, not assumed.
 */
public class BallotCounting {

    @Inject
    private NodeCounters counters;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    @AroundInvoke
    Object count(InvocationContext invocation) throws Exception {
        Object result;
        try {
            result = invocation.proceed();
        } catch (BusinessException refused) {
            counters.ballotRefused(refused.code());
            throw refused;
        } catch (Exception | Error failed) {
            counters.ballotRefused(NodeCounters.ERROR);
            throw failed;
        }
        if (result instanceof CastReceipt receipt && receipt.replayed()) {
            counters.ballotReplayed();
        } else if (transactions.getTransactionKey() == null) {
            counters.ballotAccepted();
        } else {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // nothing to do before: only the outcome counts
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        counters.ballotAccepted();
                    } else {
                        counters.ballotRefused(NodeCounters.ROLLED_BACK);
                    }
                }
            });
        }
        return result;
    }
}
