/**
 * Runs inline in <head> before the first paint: applies the saved theme (or the OS preference)
 * and presenter mode, so a projector never flashes white before going dark.
 * Keys must match lib/client/preferences-store.ts.
 */
export const themeBootScript = `(function(){try{
var raw=localStorage.getItem("fomo-preferences");var p=raw?JSON.parse(raw).state||{}:{};
var t=p.theme||"system";var dark=t==="dark"||(t==="system"&&matchMedia("(prefers-color-scheme: dark)").matches);
var c=document.documentElement.classList;c.toggle("dark",dark);
var q=new URLSearchParams(location.search).get("presenter");
var pres=q==="1"?true:q==="0"?false:!!p.presenter;c.toggle("presenter",pres);
}catch(e){}})();`;
