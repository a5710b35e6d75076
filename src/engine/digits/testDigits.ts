/**
 * Test digits in the shipped file's split (MNIST_SPLIT: 10,000 digits, 8,000 to train): the
 * chapters' steppers wrap around them before the file is read. No tfjs here: views import it.
 */
export const TEST_DIGITS = 2000;
