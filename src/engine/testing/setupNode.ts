// Unit tests run in Node, on the cpu backend (the page loads it only as a fallback).
import "../tfjsSetup";
import "@tensorflow/tfjs-backend-cpu";
