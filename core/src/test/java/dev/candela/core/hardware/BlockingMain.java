package dev.candela.core.hardware;

import java.util.concurrent.CountDownLatch;

/** A child process that never finishes on its own, for timeout tests. */
final class BlockingMain {

    private BlockingMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("started");
        new CountDownLatch(1).await();
    }
}
