package io.asyncworker.test;

/** A JSON body of the tests. */
record Order(int id, String item) {
}
