// The application shell: the verifier UI is built on the engine's VerificationResult.
export function App() {
  return (
    <main className="mx-auto max-w-3xl p-6">
      <h1 className="text-2xl font-semibold">Signet</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-300">
        Verify Sigstore and cosign signatures in your browser, one explained step at a time.
      </p>
    </main>
  );
}
