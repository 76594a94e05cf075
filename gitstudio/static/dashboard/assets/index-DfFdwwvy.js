var K,p,Ie,I,fe,Ae,Ee,Y,M,N,Te,_e,re,oe,B={},W=[],qe=/acit|ex(?:s|g|n|p|$)|rph|grid|ows|mnc|ntw|ine[ch]|zoo|^ord|itera/i,z=Array.isArray;function j(t,e){for(var n in e)t[n]=e[n];return t}function ce(t){t&&t.parentNode&&t.parentNode.removeChild(t)}function Be(t,e,n){var r,s,o,l={};for(o in e)o=="key"?r=e[o]:o=="ref"?s=e[o]:l[o]=e[o];if(arguments.length>2&&(l.children=arguments.length>3?K.call(arguments,2):n),typeof t=="function"&&t.defaultProps!=null)for(o in t.defaultProps)l[o]===void 0&&(l[o]=t.defaultProps[o]);return L(t,l,r,s,null)}function L(t,e,n,r,s){var o={type:t,props:e,key:n,ref:r,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:s??++Ie,__i:-1,__u:0};return s==null&&p.vnode!=null&&p.vnode(o),o}function T(t){return t.children}function V(t,e){this.props=t,this.context=e}function C(t,e){if(e==null)return t.__?C(t.__,t.__i+1):null;for(var n;e<t.__k.length;e++)if((n=t.__k[e])!=null&&n.__e!=null)return n.__e;return typeof t.type=="function"?C(t):null}function We(t){if(t.__P&&t.__d){var e=t.__v,n=e.__e,r=[],s=[],o=j({},e);o.__v=e.__v+1,p.vnode&&p.vnode(o),de(t.__P,o,e,t.__n,t.__P.namespaceURI,32&e.__u?[n]:null,r,n??C(e),!!(32&e.__u),s),o.__v=e.__v,o.__.__k[o.__i]=o,Fe(r,o,s),e.__e=e.__=null,o.__e!=n&&Ce(o)}}function Ce(t){if((t=t.__)!=null&&t.__c!=null)return t.__e=t.__c.base=null,t.__k.some(function(e){if(e!=null&&e.__e!=null)return t.__e=t.__c.base=e.__e}),Ce(t)}function pe(t){(!t.__d&&(t.__d=!0)&&I.push(t)&&!O.__r++||fe!=p.debounceRendering)&&((fe=p.debounceRendering)||Ae)(O)}function O(){try{for(var t,e=1;I.length;)I.length>e&&I.sort(Ee),t=I.shift(),e=I.length,We(t)}finally{I.length=O.__r=0}}function Pe(t,e,n,r,s,o,l,c,h,a,u){var g,i,d,m,S,w,v=r&&r.__k||W,f=e.length;for(h=Oe(n,e,v,h,f),g=0;g<f;g++)(d=n.__k[g])!=null&&(i=d.__i!=-1&&v[d.__i]||B,d.__i=g,w=de(t,d,i,s,o,l,c,h,a,u),m=d.__e,d.ref&&i.ref!=d.ref&&(i.ref&&ue(i.ref,null,d),u.push(d.ref,d.__c||m,d)),S==null&&m!=null&&(S=m),4&d.__u?(h=Re(d,h,t),i.__e&&(i.__e=null)):typeof d.type=="function"&&w!==void 0?h=w:m&&(h=m.nextSibling),d.__u&=-7);return n.__e=S,h}function Oe(t,e,n,r,s){var o,l,c,h,a,u=n.length,g=u,i=0;for(t.__k=new Array(s),o=0;o<s;o++)(l=e[o])!=null&&typeof l!="boolean"&&typeof l!="function"?(typeof l=="string"||typeof l=="number"||typeof l=="bigint"||l.constructor==String?l=t.__k[o]=L(null,l,null,null,null):z(l)?l=t.__k[o]=L(T,{children:l},null,null,null):l.constructor===void 0&&l.__b>0?l=t.__k[o]=L(l.type,l.props,l.key,l.ref?l.ref:null,l.__v):t.__k[o]=l,h=o+i,l.__=t,l.__b=t.__b+1,c=null,(a=l.__i=Ge(l,n,h,g))!=-1&&(g--,(c=n[a])&&(c.__u|=2)),c==null||c.__v==null?(a==-1&&(s>u?i--:s<u&&i++),typeof l.type!="function"&&(l.__u|=4)):a!=h&&(a==h-1?i--:a==h+1?i++:(a>h?i--:i++,l.__u|=4))):t.__k[o]=null;if(g)for(o=0;o<u;o++)(c=n[o])!=null&&(2&c.__u)==0&&(c.__e==r&&(r=C(c)),Ue(c,c));return r}function Re(t,e,n){var r,s;if(typeof t.type=="function"){for(r=t.__k,s=0;r&&s<r.length;s++)r[s]&&(r[s].__=t,e=Re(r[s],e,n));return e}t.__e!=e&&(e&&t.type&&!e.parentNode&&(e=C(t)),e=n.insertBefore(t.__e,e||null));do e=e&&e.nextSibling;while(e!=null&&e.nodeType==8);return e}function Ge(t,e,n,r){var s,o,l,c=t.key,h=t.type,a=e[n],u=a!=null&&(2&a.__u)==0;if(a===null&&c==null||u&&c==a.key&&h==a.type)return n;if(r>(u?1:0)){for(s=n-1,o=n+1;s>=0||o<e.length;)if((a=e[l=s>=0?s--:o++])!=null&&(2&a.__u)==0&&c==a.key&&h==a.type)return l}return-1}function me(t,e,n){e[0]=="-"?t.setProperty(e,n??""):t[e]=n==null?"":typeof n!="number"||qe.test(e)?n:n+"px"}function D(t,e,n,r,s){var o,l;e:if(e=="style")if(typeof n=="string")t.style.cssText=n;else{if(typeof r=="string"&&(t.style.cssText=r=""),r)for(e in r)n&&e in n||me(t.style,e,"");if(n)for(e in n)r&&n[e]==r[e]||me(t.style,e,n[e])}else if(e[0]=="o"&&e[1]=="n")o=e!=(e=e.replace(Te,"$1")),l=e.toLowerCase(),e=l in t||e=="onFocusOut"||e=="onFocusIn"?l.slice(2):e.slice(2),t.l||(t.l={}),t.l[e+o]=n,n?r?n[N]=r[N]:(n[N]=_e,t.addEventListener(e,o?oe:re,o)):t.removeEventListener(e,o?oe:re,o);else{if(s=="http://www.w3.org/2000/svg")e=e.replace(/xlink(H|:h)/,"h").replace(/sName$/,"s");else if(e!="width"&&e!="height"&&e!="href"&&e!="list"&&e!="form"&&e!="tabIndex"&&e!="download"&&e!="rowSpan"&&e!="colSpan"&&e!="role"&&e!="popover"&&e in t)try{t[e]=n??"";break e}catch{}typeof n=="function"||(n==null||n===!1&&e[4]!="-"?t.removeAttribute(e):t.setAttribute(e,e=="popover"&&n==1?"":n))}}function ge(t){return function(e){if(this.l){var n=this.l[e.type+t];if(e[M]==null)e[M]=_e++;else if(e[M]<n[N])return;return n(p.event?p.event(e):e)}}}function de(t,e,n,r,s,o,l,c,h,a){var u,g,i,d,m,S,w,v,f,k,H,E,F,he,U,X,x=e.type;if(e.constructor!==void 0)return null;128&n.__u&&(h=!!(32&n.__u),o=[c=e.__e=n.__e]),(u=p.__b)&&u(e);e:if(typeof x=="function"){g=l.length;try{if(f=e.props,k=x.prototype&&x.prototype.render,H=(u=x.contextType)&&r[u.__c],E=u?H?H.props.value:u.__:r,n.__c?v=(i=e.__c=n.__c).__=i.__E:(k?e.__c=i=new x(f,E):(e.__c=i=new V(f,E),i.constructor=x,i.render=ze),H&&H.sub(i),i.state||(i.state={}),i.__n=r,d=i.__d=!0,i.__h=[],i._sb=[]),k&&i.__s==null&&(i.__s=i.state),k&&x.getDerivedStateFromProps!=null&&(i.__s==i.state&&(i.__s=j({},i.__s)),j(i.__s,x.getDerivedStateFromProps(f,i.__s))),m=i.props,S=i.state,i.__v=e,d)k&&x.getDerivedStateFromProps==null&&i.componentWillMount!=null&&i.componentWillMount(),k&&i.componentDidMount!=null&&i.__h.push(i.componentDidMount);else{if(k&&x.getDerivedStateFromProps==null&&f!==m&&i.componentWillReceiveProps!=null&&i.componentWillReceiveProps(f,E),e.__v==n.__v||!i.__e&&i.shouldComponentUpdate!=null&&i.shouldComponentUpdate(f,i.__s,E)===!1){e.__v!=n.__v&&(i.props=f,i.state=i.__s,i.__d=!1),e.__e=n.__e,e.__k=n.__k,e.__k.some(function(P){P&&(P.__=e)}),W.push.apply(i.__h,i._sb),i._sb=[],i.__h.length&&l.push(i),c=C(n);break e}i.componentWillUpdate!=null&&i.componentWillUpdate(f,i.__s,E),k&&i.componentDidUpdate!=null&&i.__h.push(function(){i.componentDidUpdate(m,S,w)})}if(i.context=E,i.props=f,i.__P=t,i.__e=!1,F=p.__r,he=0,k)i.state=i.__s,i.__d=!1,F&&F(e),u=i.render(i.props,i.state,i.context),W.push.apply(i.__h,i._sb),i._sb=[];else do i.__d=!1,F&&F(e),u=i.render(i.props,i.state,i.context),i.state=i.__s;while(i.__d&&++he<25);i.state=i.__s,i.getChildContext!=null&&(r=j(j({},r),i.getChildContext())),k&&!d&&i.getSnapshotBeforeUpdate!=null&&(w=i.getSnapshotBeforeUpdate(m,S)),U=u!=null&&u.type===T&&u.key==null?Ne(u.props.children):u,c=Pe(t,z(U)?U:[U],e,n,r,s,o,l,c,h,a),i.base=e.__e,e.__u&=-161,i.__h.length&&l.push(i),v&&(i.__E=i.__=null)}catch(P){if(l.length=g,e.__v=null,h||o!=null){if(P.then){for(e.__u|=h?160:128;c&&c.nodeType==8&&c.nextSibling;)c=c.nextSibling;o!=null&&(o[o.indexOf(c)]=null),e.__e=c}else if(o!=null)for(X=o.length;X--;)ce(o[X])}else e.__e=n.__e;e.__k==null&&(e.__k=n.__k||[]),P.then||He(e),p.__e(P,e,n)}}else o==null&&e.__v==n.__v?(e.__k=n.__k,e.__e=n.__e):c=e.__e=Ke(n.__e,e,n,r,s,o,l,h,a);return(u=p.diffed)&&u(e),128&e.__u?void 0:c}function He(t){t&&(t.__c&&(t.__c.__e=!0),t.__k&&t.__k.some(He))}function Fe(t,e,n){for(var r=0;r<n.length;r++)ue(n[r],n[++r],n[++r]);p.__c&&p.__c(e,t),t.some(function(s){try{t=s.__h,s.__h=[],t.some(function(o){o.call(s)})}catch(o){p.__e(o,s.__v)}})}function Ne(t){return typeof t!="object"||t==null||t.__b>0?t:z(t)?t.map(Ne):t.constructor!==void 0?null:j({},t)}function Ke(t,e,n,r,s,o,l,c,h){var a,u,g,i,d,m,S,w=n.props||B,v=e.props,f=e.type;if(f=="svg"?s="http://www.w3.org/2000/svg":f=="math"?s="http://www.w3.org/1998/Math/MathML":s||(s="http://www.w3.org/1999/xhtml"),o!=null){for(a=0;a<o.length;a++)if((d=o[a])&&"setAttribute"in d==!!f&&(f?d.localName==f:d.nodeType==3)){t=d,o[a]=null;break}}if(t==null){if(f==null)return document.createTextNode(v);t=document.createElementNS(s,f,v.is&&v),c&&(p.__m&&p.__m(e,o),c=!1),o=null}if(f==null)w===v||c&&t.data==v||(t.data=v);else{if(o=f=="textarea"&&v.defaultValue!=null?null:o&&K.call(t.childNodes),!c&&o!=null)for(w={},a=0;a<t.attributes.length;a++)w[(d=t.attributes[a]).name]=d.value;for(a in w)d=w[a],a=="dangerouslySetInnerHTML"?g=d:a=="children"||a in v||a=="value"&&"defaultValue"in v||a=="checked"&&"defaultChecked"in v||D(t,a,null,d,s);for(a in v)d=v[a],a=="children"?i=d:a=="dangerouslySetInnerHTML"?u=d:a=="value"?m=d:a=="checked"?S=d:c&&typeof d!="function"||w[a]===d||D(t,a,d,w[a],s);if(u)c||g&&(u.__html==g.__html||u.__html==t.innerHTML)||(t.innerHTML=u.__html),e.__k=[];else if(g&&(t.innerHTML=""),Pe(e.type=="template"?t.content:t,z(i)?i:[i],e,n,r,f=="foreignObject"?"http://www.w3.org/1999/xhtml":s,o,l,o?o[0]:n.__k&&C(n,0),c,h),o!=null)for(a=o.length;a--;)ce(o[a]);c&&f!="textarea"||(a="value",f=="progress"&&m==null?t.removeAttribute("value"):m!=null&&(m!==t[a]||f=="progress"&&!m||f=="option"&&m!=w[a])&&D(t,a,m,w[a],s),a="checked",S!=null&&S!=t[a]&&D(t,a,S,w[a],s))}return t}function ue(t,e,n){try{if(typeof t=="function"){var r=typeof t.__u=="function";r&&t.__u(),r&&e==null||(t.__u=t(e))}else t.current=e}catch(s){p.__e(s,n)}}function Ue(t,e,n){var r,s;if(p.unmount&&p.unmount(t),(r=t.ref)&&(r.current&&r.current!=t.__e||ue(r,null,e)),(r=t.__c)!=null){if(r.componentWillUnmount)try{r.componentWillUnmount()}catch(o){p.__e(o,e)}r.base=r.__P=r.__n=null}if(r=t.__k)for(s=0;s<r.length;s++)r[s]&&Ue(r[s],e,n||typeof t.type!="function");n||ce(t.__e),t.__c=t.__=t.__e=void 0}function ze(t,e,n){return this.constructor(t,n)}function Qe(t,e,n){var r,s,o,l;e==document&&(e=document.documentElement),p.__&&p.__(t,e),s=(r=!1)?null:e.__k,o=[],l=[],de(e,t=e.__k=Be(T,null,[t]),s||B,B,e.namespaceURI,s?null:e.firstChild?K.call(e.childNodes):null,o,s?s.__e:e.firstChild,r,l),Fe(o,t,l),t.props.children=null}K=W.slice,p={__e:function(t,e,n,r){for(var s,o,l;e=e.__;)if((s=e.__c)&&!s.__)try{if((o=s.constructor)&&o.getDerivedStateFromError!=null&&(s.setState(o.getDerivedStateFromError(t)),l=s.__d),s.componentDidCatch!=null&&(s.componentDidCatch(t,r||{}),l=s.__d),l)return s.__E=s}catch(c){t=c}throw t}},Ie=0,V.prototype.setState=function(t,e){var n;n=this.__s!=null&&this.__s!=this.state?this.__s:this.__s=j({},this.state),typeof t=="function"&&(t=t(j({},n),this.props)),t&&j(n,t),t!=null&&this.__v&&(e&&this._sb.push(e),pe(this))},V.prototype.forceUpdate=function(t){this.__v&&(this.__e=!0,t&&this.__h.push(t),pe(this))},V.prototype.render=T,I=[],Ae=typeof Promise=="function"?Promise.prototype.then.bind(Promise.resolve()):setTimeout,Ee=function(t,e){return t.__v.__b-e.__v.__b},O.__r=0,Y=Math.random().toString(8),M="__d"+Y,N="__a"+Y,Te=/(PointerCapture)$|Capture$/i,_e=0,re=ge(!1),oe=ge(!0);var Je=0;function _(t,e,n,r,s,o){e||(e={});var l,c,h=e;if("ref"in h)for(c in h={},e)c=="ref"?l=e[c]:h[c]=e[c];var a={type:t,props:h,key:n,ref:l,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:--Je,__i:-1,__u:0,__source:s,__self:o};if(typeof t=="function"&&(l=t.defaultProps))for(c in l)h[c]===void 0&&(h[c]=l[c]);return p.vnode&&p.vnode(a),a}var G,y,Z,ve,ie=0,De=[],b=p,ye=b.__b,we=b.__r,be=b.diffed,Se=b.__c,$e=b.unmount,ke=b.__;function Me(t,e){b.__h&&b.__h(y,t,ie||e),ie=0;var n=y.__H||(y.__H={__:[],__h:[]});return t>=n.__.length&&n.__.push({}),n.__[t]}function R(t){return ie=1,Xe(Le,t)}function Xe(t,e,n){var r=Me(G++,2);if(r.t=t,!r.__c&&(r.__=[Le(void 0,e),function(c){var h=r.__N?r.__N[0]:r.__[0],a=r.t(h,c);h!==a&&(r.__N=[a,r.__[1]],r.__c.setState({}))}],r.__c=y,!y.__f)){var s=function(c,h,a){if(!r.__c.__H)return!0;var u=!1,g=r.__c.props!==c;if(r.__c.__H.__.some(function(d){if(d.__N){u=!0;var m=d.__[0];d.__=d.__N,d.__N=void 0,m!==d.__[0]&&(g=!0)}}),o){var i=o.call(this,c,h,a);return u?i||g:i}return!u||g};y.__f=!0;var o=y.shouldComponentUpdate,l=y.componentWillUpdate;y.componentWillUpdate=function(c,h,a){if(this.__e){var u=o;o=void 0,s(c,h,a),o=u}l&&l.call(this,c,h,a)},y.shouldComponentUpdate=s}return r.__N||r.__}function Q(t,e){var n=Me(G++,3);!b.__s&&et(n.__H,e)&&(n.__=t,n.u=e,y.__H.__h.push(n))}function Ye(){for(var t;t=De.shift();){var e=t.__H;if(t.__P&&e)try{e.__h.some(q),e.__h.some(se),e.__h=[]}catch(n){e.__h=[],b.__e(n,t.__v)}}}b.__b=function(t){y=null,ye&&ye(t)},b.__=function(t,e){t&&e.__k&&e.__k.__m&&(t.__m=e.__k.__m),ke&&ke(t,e)},b.__r=function(t){we&&we(t),G=0;var e=(y=t.__c).__H;e&&(Z===y?(e.__h=[],y.__h=[],e.__.some(function(n){n.__N&&(n.__=n.__N),n.u=n.__N=void 0})):(e.__h.some(q),e.__h.some(se),e.__h=[],G=0)),Z=y},b.diffed=function(t){be&&be(t);var e=t.__c;e&&e.__H&&(e.__H.__h.length&&(De.push(e)!==1&&ve===b.requestAnimationFrame||((ve=b.requestAnimationFrame)||Ze)(Ye)),e.__H.__.some(function(n){n.u&&(n.__H=n.u,n.u=void 0)})),Z=y=null},b.__c=function(t,e){e.some(function(n){try{n.__h.some(q),n.__h=n.__h.filter(function(r){return!r.__||se(r)})}catch(r){e.some(function(s){s.__h&&(s.__h=[])}),e=[],b.__e(r,n.__v)}}),Se&&Se(t,e)},b.unmount=function(t){$e&&$e(t);var e,n=t.__c;n&&n.__H&&(n.__H.__.some(function(r){try{q(r)}catch(s){e=s}}),n.__H=void 0,e&&b.__e(e,n.__v))};var xe=typeof requestAnimationFrame=="function";function Ze(t){var e,n=function(){clearTimeout(r),xe&&cancelAnimationFrame(e),setTimeout(t)},r=setTimeout(n,35);xe&&(e=requestAnimationFrame(n))}function q(t){var e=y,n=t.__c;typeof n=="function"&&(t.__c=void 0,n()),y=e}function se(t){var e=y;t.__c=t.__(),y=e}function et(t,e){return!t||t.length!==e.length||e.some(function(n,r){return n!==t[r]})}function Le(t,e){return typeof e=="function"?e(t):e}let A=null;async function tt(){const t=await fetch("/api/session",{headers:{Accept:"application/json"}});if(!t.ok)return A=null,null;const e=await t.json();return A={user:e.user,admin:e.admin,csrfToken:e.csrf_token},A}async function nt(){const t={Accept:"application/json"};A&&(t["X-CSRF-Token"]=A.csrfToken),await fetch("/logout",{method:"POST",headers:t}),A=null}function ae(t=location.pathname+location.search){return"/login?next="+encodeURIComponent(t)}class ee extends Error{errors;constructor(e){super(e.map(n=>n.message).join("; ")||"request failed"),this.errors=e}has(e){return this.errors.some(n=>n.code===e)}}async function rt(t,e,n){const r={"Content-Type":"application/json",Accept:"application/json"};A&&(r["X-CSRF-Token"]=A.csrfToken);const s={method:"POST",headers:r,body:JSON.stringify({query:t.toString(),variables:e}),credentials:"same-origin"},o=await fetch("/graphql",s);let l;try{l=await o.json()}catch{throw new ee([{message:`HTTP ${o.status}`,code:o.status===401?"UNAUTHENTICATED":null}])}if(l.errors?.length)throw new ee(l.errors.map(c=>({message:c.message,code:c.extensions?.code??null})));if(l.data==null)throw new ee([{message:`HTTP ${o.status}`,code:null}]);return l.data}const le=new Set;function Ve(){for(const t of le)t()}window.addEventListener("popstate",Ve);function ot(t,e=!1){t!==location.pathname+location.search&&(e?history.replaceState(null,"",t):history.pushState(null,"",t),Ve())}function it(){const[,t]=R(0);return Q(()=>{const e=()=>t(n=>n+1);return le.add(e),()=>{le.delete(e)}},[]),{path:location.pathname,query:new URLSearchParams(location.search)}}const st=["/graphql","/login","/logout","/api/"];function at(t){t.addEventListener("click",e=>{if(e.defaultPrevented||e.button!==0||e.metaKey||e.ctrlKey||e.shiftKey||e.altKey)return;const r=e.target?.closest("a");if(!r||r.target||r.hasAttribute("download"))return;const s=new URL(r.href,location.href);s.origin===location.origin&&(st.some(o=>s.pathname===o||s.pathname.startsWith(o))||(e.preventDefault(),ot(s.pathname+s.search)))})}function lt(t){return"/projects/"+encodeURIComponent(t)}function _t(t){if(!t)return"—";const e=new Date(t);return Number.isNaN(e.getTime())?t:e.toISOString().slice(0,16).replace("T"," ")+" UTC"}function je(t,e=Date.now()){if(!t)return"never";const n=Math.round((e-new Date(t).getTime())/1e3);return n<60?`${Math.max(n,0)} s ago`:n<3600?`${Math.round(n/60)} min ago`:n<86400?`${Math.round(n/3600)} h ago`:`${Math.round(n/86400)} d ago`}class $ extends String{__apiType;value;__meta__;constructor(e,n){super(e),this.value=e,this.__meta__=n}toString(){return this.value}}new $(`
    fragment RowFields on Experiment {
  id
  databaseId
  kind
  name
  status
  sha
  baselineSha
  message
  createdAt
  author {
    name
  }
  hidden
  autoHidden
  detached
  tags
  ref
  lastStep
  lastEventAt
  values(columns: $columns) {
    column
    value
  }
}
    `,{fragmentName:"RowFields"});new $(`
    fragment ViewFields on View {
  id
  name
  shared
  owner
  columns
  filter
  order
  includeHidden
  goals {
    column
    goal
  }
  baseline {
    ...RowFields
  }
}
    fragment RowFields on Experiment {
  id
  databaseId
  kind
  name
  status
  sha
  baselineSha
  message
  createdAt
  author {
    name
  }
  hidden
  autoHidden
  detached
  tags
  ref
  lastStep
  lastEventAt
  values(columns: $columns) {
    column
    value
  }
}`,{fragmentName:"ViewFields"});const ct=new $(`
    query ProjectsDashboard($after: String) {
  projects(first: 50, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      databaseId
      name
      repoUrl
      visibility
      defaultBranch
      lastSyncedAt
      lastSyncError
      syncState
      rows: experiments(first: 1) {
        totalCount
      }
      commits: experiments(first: 1, filter: {kinds: [COMMIT]}) {
        totalCount
      }
      running: experiments(first: 5, filter: {kinds: [LIVE], statuses: [RUNNING]}) {
        totalCount
        nodes {
          id
          name
          lastStep
          lastEventAt
        }
      }
    }
  }
}
    `);new $(`
    query TableProject($name: String!, $columns: [String!], $includeHidden: Boolean!) {
  project(name: $name) {
    id
    databaseId
    name
    defaultBranch
    visibility
    syncState
    lastSyncedAt
    lastSyncError
    branches(includeHidden: $includeHidden) {
      name
      folded
      hidden
      ownCommits
    }
    tags {
      name
    }
    columns {
      id
      kind
      file
      path
      type
    }
    columnGoals {
      column
      goal
    }
    views {
      ...ViewFields
    }
  }
}
    fragment RowFields on Experiment {
  id
  databaseId
  kind
  name
  status
  sha
  baselineSha
  message
  createdAt
  author {
    name
  }
  hidden
  autoHidden
  detached
  tags
  ref
  lastStep
  lastEventAt
  values(columns: $columns) {
    column
    value
  }
}
fragment ViewFields on View {
  id
  name
  shared
  owner
  columns
  filter
  order
  includeHidden
  goals {
    column
    goal
  }
  baseline {
    ...RowFields
  }
}`);new $(`
    query TableRows($projectId: ID!, $filter: ExperimentFilter, $orderBy: [ExperimentOrder!], $first: Int!, $after: String, $columns: [String!], $nested: Boolean!) {
  node(id: $projectId) {
    ... on Project {
      experiments(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ...RowFields
          commit {
            committedAt
            branches
            experiments @include(if: $nested) {
              ...RowFields
            }
          }
        }
      }
    }
  }
}
    fragment RowFields on Experiment {
  id
  databaseId
  kind
  name
  status
  sha
  baselineSha
  message
  createdAt
  author {
    name
  }
  hidden
  autoHidden
  detached
  tags
  ref
  lastStep
  lastEventAt
  values(columns: $columns) {
    column
    value
  }
}`);new $(`
    mutation HideRows($input: HideRowsInput!, $columns: [String!]) {
  hideRows(input: $input) {
    experiments {
      ...RowFields
    }
    branches {
      name
      hidden
    }
    errors {
      code
      message
    }
  }
}
    fragment RowFields on Experiment {
  id
  databaseId
  kind
  name
  status
  sha
  baselineSha
  message
  createdAt
  author {
    name
  }
  hidden
  autoHidden
  detached
  tags
  ref
  lastStep
  lastEventAt
  values(columns: $columns) {
    column
    value
  }
}`);new $(`
    mutation UnhideRows($input: HideRowsInput!, $columns: [String!]) {
  unhideRows(input: $input) {
    experiments {
      ...RowFields
    }
    branches {
      name
      hidden
    }
    errors {
      code
      message
    }
  }
}
    fragment RowFields on Experiment {
  id
  databaseId
  kind
  name
  status
  sha
  baselineSha
  message
  createdAt
  author {
    name
  }
  hidden
  autoHidden
  detached
  tags
  ref
  lastStep
  lastEventAt
  values(columns: $columns) {
    column
    value
  }
}`);new $(`
    mutation SaveView($input: SaveViewInput!, $columns: [String!]) {
  saveView(input: $input) {
    view {
      ...ViewFields
    }
    errors {
      code
      message
    }
  }
}
    fragment RowFields on Experiment {
  id
  databaseId
  kind
  name
  status
  sha
  baselineSha
  message
  createdAt
  author {
    name
  }
  hidden
  autoHidden
  detached
  tags
  ref
  lastStep
  lastEventAt
  values(columns: $columns) {
    column
    value
  }
}
fragment ViewFields on View {
  id
  name
  shared
  owner
  columns
  filter
  order
  includeHidden
  goals {
    column
    goal
  }
  baseline {
    ...RowFields
  }
}`);new $(`
    mutation DeleteView($input: DeleteViewInput!) {
  deleteView(input: $input) {
    deletedId
    errors {
      code
      message
    }
  }
}
    `);new $(`
    mutation SetColumnGoal($input: SetColumnGoalInput!) {
  setColumnGoal(input: $input) {
    columnGoal {
      column
      goal
    }
    errors {
      code
      message
    }
  }
}
    `);new $(`
    subscription TableExperimentEvents($projectId: ID!, $columns: [String!]) {
  experimentEvents(projectId: $projectId) {
    change
    experimentId
    experiment {
      ...RowFields
    }
  }
}
    fragment RowFields on Experiment {
  id
  databaseId
  kind
  name
  status
  sha
  baselineSha
  message
  createdAt
  author {
    name
  }
  hidden
  autoHidden
  detached
  tags
  ref
  lastStep
  lastEventAt
  values(columns: $columns) {
    column
    value
  }
}`);new $(`
    subscription TableLiveMetrics($projectId: ID!, $columns: [String!]) {
  liveMetrics(projectId: $projectId) {
    type
    step
    experimentId
    experiment {
      ...RowFields
    }
  }
}
    fragment RowFields on Experiment {
  id
  databaseId
  kind
  name
  status
  sha
  baselineSha
  message
  createdAt
  author {
    name
  }
  hidden
  autoHidden
  detached
  tags
  ref
  lastStep
  lastEventAt
  values(columns: $columns) {
    column
    value
  }
}`);function J(t){Q(()=>{document.title=t?`${t} · gitstudio`:"gitstudio"},[t])}function dt(){return J("Not found"),_("section",{children:[_("h1",{children:"Not found"}),_("p",{children:["No page here. ",_("a",{href:"/",children:"All projects"})]})]})}function te(t){return J(t.title),_("section",{children:[_("h1",{children:t.title}),_("p",{children:[t.what," is not built into the dashboard yet; the ",_("a",{href:"/graphql",children:"GraphQL API"})," has it."]})]})}function ut(t){const e=t.error instanceof Error?t.error.message:String(t.error);return _("div",{class:"notice error",role:"alert",children:_("p",{children:e})})}const ht=15e3;function ft(t){J("Projects");const[e,n]=R(null),[r,s]=R(0),[o,l]=R(null),[c,h]=R(null);return Q(()=>{let a=!1;const u=async()=>{try{const i=[];let d=null,m=0,S=!1;for(let w=0;w<20;w++){const v=await rt(ct,{after:d});if(i.push(...v.projects.nodes),m=v.projects.totalCount,S=v.projects.pageInfo.hasNextPage,d=v.projects.pageInfo.endCursor,!S)break}if(a)return;n(i),s(m),l(S?d:null),h(null)}catch(i){a||h(i)}};u();const g=setInterval(()=>{u()},ht);return()=>{a=!0,clearInterval(g)}},[]),_("section",{"aria-labelledby":"projects-title",children:[_("h1",{id:"projects-title",children:"Projects"}),c?_(ut,{error:c}):null,t.session?null:_("p",{class:"muted",children:["Signed out: only public projects are listed. ",_("a",{href:ae("/"),children:"Sign in"})," to see yours."]}),e===null?_("p",{class:"muted",children:"Loading projects…"}):e.length===0?_("p",{children:"No projects yet. Add one with the createProject mutation or `gitstudio project add`."}):_(T,{children:[_("table",{class:"projects","data-testid":"projects",children:[_("caption",{class:"sr-only",children:[r," projects"]}),_("thead",{children:_("tr",{children:[_("th",{scope:"col",children:"Project"}),_("th",{scope:"col",children:"Last sync"}),_("th",{scope:"col",children:"State"}),_("th",{scope:"col",class:"num",children:"Commits"}),_("th",{scope:"col",class:"num",children:"Rows"}),_("th",{scope:"col",children:"Running live experiments"})]})}),_("tbody",{children:e.map(a=>_("tr",{"data-testid":"project","data-project":a.name,children:[_("th",{scope:"row",children:[_("a",{href:lt(a.name),children:a.name}),_("div",{class:"muted small",title:a.repoUrl,children:[a.visibility.toLowerCase()," · ",a.defaultBranch??"no default branch"]})]}),_("td",{title:_t(a.lastSyncedAt),children:je(a.lastSyncedAt)}),_("td",{children:[_("span",{class:`badge sync-${a.syncState.toLowerCase()}`,children:a.syncState.toLowerCase()}),a.lastSyncError?_("div",{class:"sync-error","data-testid":"sync-error",children:a.lastSyncError}):null]}),_("td",{class:"num",children:a.commits.totalCount}),_("td",{class:"num","data-testid":"row-count",children:a.rows.totalCount}),_("td",{"data-testid":"running",children:a.running.totalCount===0?_("span",{class:"muted",children:"none"}):_("ul",{class:"running",children:[a.running.nodes.map(u=>_("li",{children:[_("span",{class:"live-dot","aria-hidden":"true"}),u.name??u.id," · step ",u.lastStep??0," · ",je(u.lastEventAt)]},u.id)),a.running.totalCount>a.running.nodes.length?_("li",{class:"muted",children:["and ",a.running.totalCount-a.running.nodes.length," more"]}):null]})})]},a.id))})]}),o?_("p",{class:"muted",children:["Showing the first ",e.length," of ",r," projects."]}):null]})]})}function pt(t){return J(t.name),_("section",{children:_("h1",{children:t.name})})}function mt(t,e){if(t==="/"||t==="")return _(ft,{session:e});const n=/^\/projects\/([^/]+)\/models\/(.+)$/.exec(t);if(n?.[1]&&n[2])return _(te,{title:`Model ${decodeURIComponent(n[2])}`,what:"A model's page"});const r=/^\/projects\/([^/]+)\/?$/.exec(t);if(r?.[1]){const s=decodeURIComponent(r[1]);return _(pt,{name:s,session:e},s)}return t==="/models"?_(te,{title:"Models",what:"The models dashboard"}):t==="/settings/tokens"?_(te,{title:"Access tokens",what:"Access tokens"}):_(dt,{})}function gt(){const t=it(),[e,n]=R({loaded:!1});Q(()=>{tt().then(o=>n({loaded:!0,session:o})).catch(()=>n({loaded:!0,session:null}))},[]);const r=e.loaded?e.session:null,s=o=>(o==="/"?t.path==="/"||t.path.startsWith("/projects/"):t.path.startsWith(o))?"page":void 0;return _(T,{children:[_("a",{class:"skip",href:"#main",children:"Skip to content"}),_("header",{class:"shell",children:[_("a",{class:"brand",href:"/",children:"gitstudio"}),_("nav",{"aria-label":"Main",children:_("ul",{children:[_("li",{children:_("a",{href:"/","aria-current":s("/"),children:"Projects"})}),_("li",{children:_("a",{href:"/models","aria-current":s("/models"),children:"Models"})}),_("li",{children:_("a",{href:"/settings/tokens","aria-current":s("/settings/tokens"),children:"Tokens"})}),_("li",{children:_("a",{href:"/graphql",children:"GraphiQL"})})]})}),_("div",{class:"who","data-testid":"session",children:e.loaded?r?_(T,{children:[_("span",{"data-testid":"user",children:r.user}),_("button",{type:"button",onClick:()=>{nt().then(()=>{location.assign(ae("/"))})},children:"Sign out"})]}):_("a",{href:ae(),"data-testid":"sign-in",children:"Sign in"}):null})]}),_("main",{id:"main",tabIndex:-1,children:e.loaded?mt(t.path,r):_("p",{class:"muted",children:"Loading…"})})]})}const ne=document.getElementById("app");ne&&(at(ne),Qe(_(gt,{}),ne));
