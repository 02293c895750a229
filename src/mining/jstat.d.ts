// The few functions of jstat 1.9.6 that motcua uses (the package ships no type declarations).
declare module 'jstat' {
  interface Continuous {
    cdf(x: number, ...parameters: number[]): number;
    inv(p: number, ...parameters: number[]): number;
  }
  const jStat: {
    readonly gamma: Continuous;
    readonly lognormal: Continuous;
    readonly studentt: Continuous;
    readonly normal: Continuous;
  };
  export default jStat;
}
