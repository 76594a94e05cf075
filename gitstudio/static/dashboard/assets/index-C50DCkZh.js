const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["assets/embed-ji_c-7H5.js","assets/vega-interpreter-BmnYaw1U.js"])))=>i.map(i=>d[i]);
var Te,N,kt,re,Ke,$t,It,je,we,ue,xt,qe,He,Oe,Ie={},xe=[],qt=/acit|ex(?:s|g|n|p|$)|rph|grid|ows|mnc|ntw|ine[ch]|zoo|^ord|itera/i,Ce=Array.isArray;function te(e,t){for(var r in t)e[r]=t[r];return e}function Ge(e){e&&e.parentNode&&e.parentNode.removeChild(e)}function Gt(e,t,r){var o,a,s,d={};for(s in t)s=="key"?o=t[s]:s=="ref"?a=t[s]:d[s]=t[s];if(arguments.length>2&&(d.children=arguments.length>3?Te.call(arguments,2):r),typeof e=="function"&&e.defaultProps!=null)for(s in e.defaultProps)d[s]===void 0&&(d[s]=e.defaultProps[s]);return ve(e,d,o,a,null)}function ve(e,t,r,o,a){var s={type:e,props:t,key:r,ref:o,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:a??++kt,__i:-1,__u:0};return a==null&&N.vnode!=null&&N.vnode(s),s}function Z(e){return e.children}function he(e,t){this.props=e,this.context=t}function ie(e,t){if(t==null)return e.__?ie(e.__,e.__i+1):null;for(var r;t<e.__k.length;t++)if((r=e.__k[t])!=null&&r.__e!=null)return r.__e;return typeof e.type=="function"?ie(e):null}function Wt(e){if(e.__P&&e.__d){var t=e.__v,r=t.__e,o=[],a=[],s=te({},t);s.__v=t.__v+1,N.vnode&&N.vnode(s),We(e.__P,s,t,e.__n,e.__P.namespaceURI,32&t.__u?[r]:null,o,r??ie(t),!!(32&t.__u),a),s.__v=t.__v,s.__.__k[s.__i]=s,At(o,s,a),t.__e=t.__=null,s.__e!=r&&Et(s)}}function Et(e){if((e=e.__)!=null&&e.__c!=null)return e.__e=e.__c.base=null,e.__k.some(function(t){if(t!=null&&t.__e!=null)return e.__e=e.__c.base=t.__e}),Et(e)}function Ye(e){(!e.__d&&(e.__d=!0)&&re.push(e)&&!Ee.__r++||Ke!=N.debounceRendering)&&((Ke=N.debounceRendering)||$t)(Ee)}function Ee(){try{for(var e,t=1;re.length;)re.length>t&&re.sort(It),e=re.shift(),t=re.length,Wt(e)}finally{re.length=Ee.__r=0}}function Tt(e,t,r,o,a,s,d,c,h,l,u){var g,i,m,f,v,_,p=o&&o.__k||xe,b=t.length;for(h=zt(r,t,p,h,b),g=0;g<b;g++)(m=r.__k[g])!=null&&(i=m.__i!=-1&&p[m.__i]||Ie,m.__i=g,_=We(e,m,i,a,s,d,c,h,l,u),f=m.__e,m.ref&&i.ref!=m.ref&&(i.ref&&ze(i.ref,null,m),u.push(m.ref,m.__c||f,m)),v==null&&f!=null&&(v=f),4&m.__u?(h=Ct(m,h,e),i.__e&&(i.__e=null)):typeof m.type=="function"&&_!==void 0?h=_:f&&(h=f.nextSibling),m.__u&=-7);return r.__e=v,h}function zt(e,t,r,o,a){var s,d,c,h,l,u=r.length,g=u,i=0;for(e.__k=new Array(a),s=0;s<a;s++)(d=t[s])!=null&&typeof d!="boolean"&&typeof d!="function"?(typeof d=="string"||typeof d=="number"||typeof d=="bigint"||d.constructor==String?d=e.__k[s]=ve(null,d,null,null,null):Ce(d)?d=e.__k[s]=ve(Z,{children:d},null,null,null):d.constructor===void 0&&d.__b>0?d=e.__k[s]=ve(d.type,d.props,d.key,d.ref?d.ref:null,d.__v):e.__k[s]=d,h=s+i,d.__=e,d.__b=e.__b+1,c=null,(l=d.__i=Jt(d,r,h,g))!=-1&&(g--,(c=r[l])&&(c.__u|=2)),c==null||c.__v==null?(l==-1&&(a>u?i--:a<u&&i++),typeof d.type!="function"&&(d.__u|=4)):l!=h&&(l==h-1?i--:l==h+1?i++:(l>h?i--:i++,d.__u|=4))):e.__k[s]=null;if(g)for(s=0;s<u;s++)(c=r[s])!=null&&(2&c.__u)==0&&(c.__e==o&&(o=ie(c)),Rt(c,c));return o}function Ct(e,t,r){var o,a;if(typeof e.type=="function"){for(o=e.__k,a=0;o&&a<o.length;a++)o[a]&&(o[a].__=e,t=Ct(o[a],t,r));return t}e.__e!=t&&(t&&e.type&&!t.parentNode&&(t=ie(e)),t=r.insertBefore(e.__e,t||null));do t=t&&t.nextSibling;while(t!=null&&t.nodeType==8);return t}function Jt(e,t,r,o){var a,s,d,c=e.key,h=e.type,l=t[r],u=l!=null&&(2&l.__u)==0;if(l===null&&c==null||u&&c==l.key&&h==l.type)return r;if(o>(u?1:0)){for(a=r-1,s=r+1;a>=0||s<t.length;)if((l=t[d=a>=0?a--:s++])!=null&&(2&l.__u)==0&&c==l.key&&h==l.type)return d}return-1}function Ze(e,t,r){t[0]=="-"?e.setProperty(t,r??""):e[t]=r==null?"":typeof r!="number"||qt.test(t)?r:r+"px"}function be(e,t,r,o,a){var s,d;e:if(t=="style")if(typeof r=="string")e.style.cssText=r;else{if(typeof o=="string"&&(e.style.cssText=o=""),o)for(t in o)r&&t in r||Ze(e.style,t,"");if(r)for(t in r)o&&r[t]==o[t]||Ze(e.style,t,r[t])}else if(t[0]=="o"&&t[1]=="n")s=t!=(t=t.replace(xt,"$1")),d=t.toLowerCase(),t=d in e||t=="onFocusOut"||t=="onFocusIn"?d.slice(2):t.slice(2),e.l||(e.l={}),e.l[t+s]=r,r?o?r[ue]=o[ue]:(r[ue]=qe,e.addEventListener(t,s?Oe:He,s)):e.removeEventListener(t,s?Oe:He,s);else{if(a=="http://www.w3.org/2000/svg")t=t.replace(/xlink(H|:h)/,"h").replace(/sName$/,"s");else if(t!="width"&&t!="height"&&t!="href"&&t!="list"&&t!="form"&&t!="tabIndex"&&t!="download"&&t!="rowSpan"&&t!="colSpan"&&t!="role"&&t!="popover"&&t in e)try{e[t]=r??"";break e}catch{}typeof r=="function"||(r==null||r===!1&&t[4]!="-"?e.removeAttribute(t):e.setAttribute(t,t=="popover"&&r==1?"":r))}}function et(e){return function(t){if(this.l){var r=this.l[t.type+e];if(t[we]==null)t[we]=qe++;else if(t[we]<r[ue])return;return r(N.event?N.event(t):t)}}}function We(e,t,r,o,a,s,d,c,h,l){var u,g,i,m,f,v,_,p,b,I,O,P,L,J,X,B,F=t.type;if(t.constructor!==void 0)return null;128&r.__u&&(h=!!(32&r.__u),s=[c=t.__e=r.__e]),(u=N.__b)&&u(t);e:if(typeof F=="function"){g=d.length;try{if(b=t.props,I=F.prototype&&F.prototype.render,O=(u=F.contextType)&&o[u.__c],P=u?O?O.props.value:u.__:o,r.__c?p=(i=t.__c=r.__c).__=i.__E:(I?t.__c=i=new F(b,P):(t.__c=i=new he(b,P),i.constructor=F,i.render=Qt),O&&O.sub(i),i.state||(i.state={}),i.__n=o,m=i.__d=!0,i.__h=[],i._sb=[]),I&&i.__s==null&&(i.__s=i.state),I&&F.getDerivedStateFromProps!=null&&(i.__s==i.state&&(i.__s=te({},i.__s)),te(i.__s,F.getDerivedStateFromProps(b,i.__s))),f=i.props,v=i.state,i.__v=t,m)I&&F.getDerivedStateFromProps==null&&i.componentWillMount!=null&&i.componentWillMount(),I&&i.componentDidMount!=null&&i.__h.push(i.componentDidMount);else{if(I&&F.getDerivedStateFromProps==null&&b!==f&&i.componentWillReceiveProps!=null&&i.componentWillReceiveProps(b,P),t.__v==r.__v||!i.__e&&i.shouldComponentUpdate!=null&&i.shouldComponentUpdate(b,i.__s,P)===!1){t.__v!=r.__v&&(i.props=b,i.state=i.__s,i.__d=!1),t.__e=r.__e,t.__k=r.__k,t.__k.some(function(z){z&&(z.__=t)}),xe.push.apply(i.__h,i._sb),i._sb=[],i.__h.length&&d.push(i),c=ie(r);break e}i.componentWillUpdate!=null&&i.componentWillUpdate(b,i.__s,P),I&&i.componentDidUpdate!=null&&i.__h.push(function(){i.componentDidUpdate(f,v,_)})}if(i.context=P,i.props=b,i.__P=e,i.__e=!1,L=N.__r,J=0,I)i.state=i.__s,i.__d=!1,L&&L(t),u=i.render(i.props,i.state,i.context),xe.push.apply(i.__h,i._sb),i._sb=[];else do i.__d=!1,L&&L(t),u=i.render(i.props,i.state,i.context),i.state=i.__s;while(i.__d&&++J<25);i.state=i.__s,i.getChildContext!=null&&(o=te(te({},o),i.getChildContext())),I&&!m&&i.getSnapshotBeforeUpdate!=null&&(_=i.getSnapshotBeforeUpdate(f,v)),X=u!=null&&u.type===Z&&u.key==null?jt(u.props.children):u,c=Tt(e,Ce(X)?X:[X],t,r,o,a,s,d,c,h,l),i.base=t.__e,t.__u&=-161,i.__h.length&&d.push(i),p&&(i.__E=i.__=null)}catch(z){if(d.length=g,t.__v=null,h||s!=null){if(z.then){for(t.__u|=h?160:128;c&&c.nodeType==8&&c.nextSibling;)c=c.nextSibling;s!=null&&(s[s.indexOf(c)]=null),t.__e=c}else if(s!=null)for(B=s.length;B--;)Ge(s[B])}else t.__e=r.__e;t.__k==null&&(t.__k=r.__k||[]),z.then||Mt(t),N.__e(z,t,r)}}else s==null&&t.__v==r.__v?(t.__k=r.__k,t.__e=r.__e):c=t.__e=Xt(r.__e,t,r,o,a,s,d,h,l);return(u=N.diffed)&&u(t),128&t.__u?void 0:c}function Mt(e){e&&(e.__c&&(e.__c.__e=!0),e.__k&&e.__k.some(Mt))}function At(e,t,r){for(var o=0;o<r.length;o++)ze(r[o],r[++o],r[++o]);N.__c&&N.__c(t,e),e.some(function(a){try{e=a.__h,a.__h=[],e.some(function(s){s.call(a)})}catch(s){N.__e(s,a.__v)}})}function jt(e){return typeof e!="object"||e==null||e.__b>0?e:Ce(e)?e.map(jt):e.constructor!==void 0?null:te({},e)}function Xt(e,t,r,o,a,s,d,c,h){var l,u,g,i,m,f,v,_=r.props||Ie,p=t.props,b=t.type;if(b=="svg"?a="http://www.w3.org/2000/svg":b=="math"?a="http://www.w3.org/1998/Math/MathML":a||(a="http://www.w3.org/1999/xhtml"),s!=null){for(l=0;l<s.length;l++)if((m=s[l])&&"setAttribute"in m==!!b&&(b?m.localName==b:m.nodeType==3)){e=m,s[l]=null;break}}if(e==null){if(b==null)return document.createTextNode(p);e=document.createElementNS(a,b,p.is&&p),c&&(N.__m&&N.__m(t,s),c=!1),s=null}if(b==null)_===p||c&&e.data==p||(e.data=p);else{if(s=b=="textarea"&&p.defaultValue!=null?null:s&&Te.call(e.childNodes),!c&&s!=null)for(_={},l=0;l<e.attributes.length;l++)_[(m=e.attributes[l]).name]=m.value;for(l in _)m=_[l],l=="dangerouslySetInnerHTML"?g=m:l=="children"||l in p||l=="value"&&"defaultValue"in p||l=="checked"&&"defaultChecked"in p||be(e,l,null,m,a);for(l in p)m=p[l],l=="children"?i=m:l=="dangerouslySetInnerHTML"?u=m:l=="value"?f=m:l=="checked"?v=m:c&&typeof m!="function"||_[l]===m||be(e,l,m,_[l],a);if(u)c||g&&(u.__html==g.__html||u.__html==e.innerHTML)||(e.innerHTML=u.__html),t.__k=[];else if(g&&(e.innerHTML=""),Tt(t.type=="template"?e.content:e,Ce(i)?i:[i],t,r,o,b=="foreignObject"?"http://www.w3.org/1999/xhtml":a,s,d,s?s[0]:r.__k&&ie(r,0),c,h),s!=null)for(l=s.length;l--;)Ge(s[l]);c&&b!="textarea"||(l="value",b=="progress"&&f==null?e.removeAttribute("value"):f!=null&&(f!==e[l]||b=="progress"&&!f||b=="option"&&f!=_[l])&&be(e,l,f,_[l],a),l="checked",v!=null&&v!=e[l]&&be(e,l,v,_[l],a))}return e}function ze(e,t,r){try{if(typeof e=="function"){var o=typeof e.__u=="function";o&&e.__u(),o&&t==null||(e.__u=e(t))}else e.current=t}catch(a){N.__e(a,r)}}function Rt(e,t,r){var o,a;if(N.unmount&&N.unmount(e),(o=e.ref)&&(o.current&&o.current!=e.__e||ze(o,null,t)),(o=e.__c)!=null){if(o.componentWillUnmount)try{o.componentWillUnmount()}catch(s){N.__e(s,t)}o.base=o.__P=o.__n=null}if(o=e.__k)for(a=0;a<o.length;a++)o[a]&&Rt(o[a],t,r||typeof e.type!="function");r||Ge(e.__e),e.__c=e.__=e.__e=void 0}function Qt(e,t,r){return this.constructor(e,r)}function Kt(e,t,r){var o,a,s,d;t==document&&(t=document.documentElement),N.__&&N.__(e,t),a=(o=!1)?null:t.__k,s=[],d=[],We(t,e=t.__k=Gt(Z,null,[e]),a||Ie,Ie,t.namespaceURI,a?null:t.firstChild?Te.call(t.childNodes):null,s,a?a.__e:t.firstChild,o,d),At(s,e,d),e.props.children=null}Te=xe.slice,N={__e:function(e,t,r,o){for(var a,s,d;t=t.__;)if((a=t.__c)&&!a.__)try{if((s=a.constructor)&&s.getDerivedStateFromError!=null&&(a.setState(s.getDerivedStateFromError(e)),d=a.__d),a.componentDidCatch!=null&&(a.componentDidCatch(e,o||{}),d=a.__d),d)return a.__E=a}catch(c){e=c}throw e}},kt=0,he.prototype.setState=function(e,t){var r;r=this.__s!=null&&this.__s!=this.state?this.__s:this.__s=te({},this.state),typeof e=="function"&&(e=e(te({},r),this.props)),e&&te(r,e),e!=null&&this.__v&&(t&&this._sb.push(t),Ye(this))},he.prototype.forceUpdate=function(e){this.__v&&(this.__e=!0,e&&this.__h.push(e),Ye(this))},he.prototype.render=Z,re=[],$t=typeof Promise=="function"?Promise.prototype.then.bind(Promise.resolve()):setTimeout,It=function(e,t){return e.__v.__b-t.__v.__b},Ee.__r=0,je=Math.random().toString(8),we="__d"+je,ue="__a"+je,xt=/(PointerCapture)$|Capture$/i,qe=0,He=et(!1),Oe=et(!0);var Yt=0;function n(e,t,r,o,a,s){t||(t={});var d,c,h=t;if("ref"in h)for(c in h={},t)c=="ref"?d=t[c]:h[c]=t[c];var l={type:e,props:h,key:r,ref:d,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:--Yt,__i:-1,__u:0,__source:a,__self:s};if(typeof e=="function"&&(d=e.defaultProps))for(c in d)h[c]===void 0&&(h[c]=d[c]);return N.vnode&&N.vnode(l),l}var fe,U,Re,tt,ge=0,Nt=[],q=N,nt=q.__b,rt=q.__r,ot=q.diffed,st=q.__c,it=q.unmount,at=q.__;function Je(e,t){q.__h&&q.__h(U,e,ge||t),ge=0;var r=U.__H||(U.__H={__:[],__h:[]});return e>=r.__.length&&r.__.push({}),r.__[e]}function k(e){return ge=1,Zt(Dt,e)}function Zt(e,t,r){var o=Je(fe++,2);if(o.t=e,!o.__c&&(o.__=[Dt(void 0,t),function(c){var h=o.__N?o.__N[0]:o.__[0],l=o.t(h,c);h!==l&&(o.__N=[l,o.__[1]],o.__c.setState({}))}],o.__c=U,!U.__f)){var a=function(c,h,l){if(!o.__c.__H)return!0;var u=!1,g=o.__c.props!==c;if(o.__c.__H.__.some(function(m){if(m.__N){u=!0;var f=m.__[0];m.__=m.__N,m.__N=void 0,f!==m.__[0]&&(g=!0)}}),s){var i=s.call(this,c,h,l);return u?i||g:i}return!u||g};U.__f=!0;var s=U.shouldComponentUpdate,d=U.componentWillUpdate;U.componentWillUpdate=function(c,h,l){if(this.__e){var u=s;s=void 0,a(c,h,l),s=u}d&&d.call(this,c,h,l)},U.shouldComponentUpdate=a}return o.__N||o.__}function W(e,t){var r=Je(fe++,3);!q.__s&&Pt(r.__H,t)&&(r.__=e,r.u=t,U.__H.__h.push(r))}function ae(e){return ge=5,Me(function(){return{current:e}},[])}function Me(e,t){var r=Je(fe++,7);return Pt(r.__H,t)&&(r.__=e(),r.__H=t,r.__h=e),r.__}function lt(e,t){return ge=8,Me(function(){return e},t)}function en(){for(var e;e=Nt.shift();){var t=e.__H;if(e.__P&&t)try{t.__h.some(Se),t.__h.some(Le),t.__h=[]}catch(r){t.__h=[],q.__e(r,e.__v)}}}q.__b=function(e){U=null,nt&&nt(e)},q.__=function(e,t){e&&t.__k&&t.__k.__m&&(e.__m=t.__k.__m),at&&at(e,t)},q.__r=function(e){rt&&rt(e),fe=0;var t=(U=e.__c).__H;t&&(Re===U?(t.__h=[],U.__h=[],t.__.some(function(r){r.__N&&(r.__=r.__N),r.u=r.__N=void 0})):(t.__h.some(Se),t.__h.some(Le),t.__h=[],fe=0)),Re=U},q.diffed=function(e){ot&&ot(e);var t=e.__c;t&&t.__H&&(t.__H.__h.length&&(Nt.push(t)!==1&&tt===q.requestAnimationFrame||((tt=q.requestAnimationFrame)||tn)(en)),t.__H.__.some(function(r){r.u&&(r.__H=r.u,r.u=void 0)})),Re=U=null},q.__c=function(e,t){t.some(function(r){try{r.__h.some(Se),r.__h=r.__h.filter(function(o){return!o.__||Le(o)})}catch(o){t.some(function(a){a.__h&&(a.__h=[])}),t=[],q.__e(o,r.__v)}}),st&&st(e,t)},q.unmount=function(e){it&&it(e);var t,r=e.__c;r&&r.__H&&(r.__H.__.some(function(o){try{Se(o)}catch(a){t=a}}),r.__H=void 0,t&&q.__e(t,r.__v))};var ct=typeof requestAnimationFrame=="function";function tn(e){var t,r=function(){clearTimeout(o),ct&&cancelAnimationFrame(t),setTimeout(e)},o=setTimeout(r,35);ct&&(t=requestAnimationFrame(r))}function Se(e){var t=U,r=e.__c;typeof r=="function"&&(e.__c=void 0,r()),U=t}function Le(e){var t=U;e.__c=e.__(),U=t}function Pt(e,t){return!e||e.length!==t.length||t.some(function(r,o){return r!==e[o]})}function Dt(e,t){return typeof t=="function"?t(e):t}function Q(e){return e===null?"null":Array.isArray(e)?"array":typeof e}function se(e){return Q(e)==="object"}function nn(e){return Array.isArray(e)&&e.length>0&&e.every(t=>"message"in t)}function dt(e,t){return e.length<124?e:t}const rn="graphql-transport-ws";var K=(e=>(e[e.InternalServerError=4500]="InternalServerError",e[e.InternalClientError=4005]="InternalClientError",e[e.BadRequest=4400]="BadRequest",e[e.BadResponse=4004]="BadResponse",e[e.Unauthorized=4401]="Unauthorized",e[e.Forbidden=4403]="Forbidden",e[e.SubprotocolNotAcceptable=4406]="SubprotocolNotAcceptable",e[e.ConnectionInitialisationTimeout=4408]="ConnectionInitialisationTimeout",e[e.ConnectionAcknowledgementTimeout=4504]="ConnectionAcknowledgementTimeout",e[e.SubscriberAlreadyExists=4409]="SubscriberAlreadyExists",e[e.TooManyInitialisationRequests=4429]="TooManyInitialisationRequests",e))(K||{}),Y=(e=>(e.ConnectionInit="connection_init",e.ConnectionAck="connection_ack",e.Ping="ping",e.Pong="pong",e.Subscribe="subscribe",e.Next="next",e.Error="error",e.Complete="complete",e))(Y||{});function Ht(e){if(!se(e))throw new Error(`Message is expected to be an object, but got ${Q(e)}`);if(!e.type)throw new Error("Message is missing the 'type' property");if(typeof e.type!="string")throw new Error(`Message is expects the 'type' property to be a string, but got ${Q(e.type)}`);switch(e.type){case"connection_init":case"connection_ack":case"ping":case"pong":{if(e.payload!=null&&!se(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object or nullish or missing, but got "${e.payload}"`);break}case"subscribe":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${Q(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!se(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${Q(e.payload)}`);if(typeof e.payload.query!="string")throw new Error(`"${e.type}" message payload expects the 'query' property to be a string, but got ${Q(e.payload.query)}`);if(e.payload.variables!=null&&!se(e.payload.variables))throw new Error(`"${e.type}" message payload expects the 'variables' property to be a an object or nullish or missing, but got ${Q(e.payload.variables)}`);if(e.payload.operationName!=null&&Q(e.payload.operationName)!=="string")throw new Error(`"${e.type}" message payload expects the 'operationName' property to be a string or nullish or missing, but got ${Q(e.payload.operationName)}`);if(e.payload.extensions!=null&&!se(e.payload.extensions))throw new Error(`"${e.type}" message payload expects the 'extensions' property to be a an object or nullish or missing, but got ${Q(e.payload.extensions)}`);break}case"next":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${Q(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!se(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${Q(e.payload)}`);break}case"error":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${Q(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);if(!nn(e.payload))throw new Error(`"${e.type}" message expects the 'payload' property to be an array of GraphQL errors, but got ${JSON.stringify(e.payload)}`);break}case"complete":{if(typeof e.id!="string")throw new Error(`"${e.type}" message expects the 'id' property to be a string, but got ${Q(e.id)}`);if(!e.id)throw new Error(`"${e.type}" message requires a non-empty 'id' property`);break}default:throw new Error(`Invalid message 'type' property "${e.type}"`)}return e}function on(e,t){return Ht(typeof e=="string"?JSON.parse(e,t):e)}function ce(e,t){return Ht(e),JSON.stringify(e,t)}function sn(e){const{url:t,connectionParams:r,lazy:o=!0,onNonLazyError:a=console.error,lazyCloseTimeout:s=0,keepAlive:d=0,disablePong:c,connectionAckWaitTimeout:h=0,retryAttempts:l=5,retryWait:u=async function(C){const $=Math.pow(2,C);await new Promise(M=>setTimeout(M,$*1e3+Math.floor(Math.random()*2700+300)))},shouldRetry:g=Ne,on:i,webSocketImpl:m,generateID:f=function(){return"xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g,C=>{const $=Math.random()*16|0;return(C=="x"?$:$&3|8).toString(16)})},jsonMessageReplacer:v,jsonMessageReviver:_}=e;let p;if(m){if(!ln(m))throw new Error("Invalid WebSocket implementation provided");p=m}else typeof WebSocket<"u"?p=WebSocket:typeof global<"u"?p=global.WebSocket||global.MozWebSocket:typeof window<"u"&&(p=window.WebSocket||window.MozWebSocket);if(!p)throw new Error("WebSocket implementation missing; on Node you can `import WebSocket from 'ws';` and pass `webSocketImpl: WebSocket` to `createClient`");const b=p,I=(()=>{const x=(()=>{const $={};return{on(M,D){return $[M]=D,()=>{delete $[M]}},emit(M){"id"in M&&$[M.id]?.(M)}}})(),C={connecting:i?.connecting?[i.connecting]:[],opened:i?.opened?[i.opened]:[],connected:i?.connected?[i.connected]:[],ping:i?.ping?[i.ping]:[],pong:i?.pong?[i.pong]:[],message:i?.message?[x.emit,i.message]:[x.emit],closed:i?.closed?[i.closed]:[],error:i?.error?[i.error]:[]};return{onMessage:x.on,on($,M){const D=C[$];return D.push(M),()=>{const y=D.indexOf(M);y>-1&&D.splice(y,1)}},emit($,...M){for(const D of[...C[$]])D(...M)}}})();function O(x){const C=[I.on("error",$=>{C.forEach(M=>M()),x($)}),I.on("closed",$=>{C.forEach(M=>M()),x($)})];return()=>C.forEach($=>$())}let P,L=0,J,X=!1,B=0,F=!1;async function z(){clearTimeout(J);const[x,C]=await(P??(P=new Promise((D,y)=>(async()=>{if(X){if(await u(B),!L)return P=void 0,y({code:1e3,reason:"All Subscriptions Gone"});B++}I.emit("connecting",X);const w=new b(typeof t=="function"?await t():t,rn);let E,A;function j(){isFinite(d)&&d>0&&(clearTimeout(A),A=setTimeout(()=>{w.readyState===b.OPEN&&(w.send(ce({type:Y.Ping})),I.emit("ping",!1,void 0))},d))}O(T=>{P=void 0,clearTimeout(E),clearTimeout(A),y(T),T instanceof ut&&(w.close(4499,"Terminated"),w.onerror=null,w.onclose=null)}),w.onerror=T=>I.emit("error",T),w.onclose=T=>I.emit("closed",T),w.onopen=async()=>{try{I.emit("opened",w);const T=typeof r=="function"?await r():r;if(w.readyState!==b.OPEN)return;w.send(ce(T?{type:Y.ConnectionInit,payload:T}:{type:Y.ConnectionInit},v)),isFinite(h)&&h>0&&(E=setTimeout(()=>{w.close(K.ConnectionAcknowledgementTimeout,"Connection acknowledgement timeout")},h)),j()}catch(T){I.emit("error",T),w.close(K.InternalClientError,dt(T instanceof Error?T.message:String(T),"Internal client error"))}};let H=!1;w.onmessage=({data:T})=>{try{const G=on(T,_);if(I.emit("message",G),G.type==="ping"||G.type==="pong"){I.emit(G.type,!0,G.payload),G.type==="pong"?j():c||(w.send(ce(G.payload?{type:Y.Pong,payload:G.payload}:{type:Y.Pong},v)),I.emit("pong",!1,G.payload));return}if(H)return;if(G.type!==Y.ConnectionAck)throw new Error(`First message cannot be of type ${G.type}`);clearTimeout(E),H=!0,I.emit("connected",w,G.payload,X),X=!1,B=0;const Qe=new Promise((Nr,Ft)=>O(Ft));Qe.catch(()=>{}),D([w,Qe])}catch(G){w.onmessage=null,I.emit("error",G),w.close(K.BadResponse,dt(G instanceof Error?G.message:String(G),"Bad response"))}}})())));x.readyState===b.CLOSING&&await C;let $=()=>{};const M=new Promise(D=>$=D);return[x,$,new Promise((D,y)=>{const w=O(y);x.readyState!==b.OPEN&&C.catch(y),M.then(()=>{if(w(),!L){const E=()=>x.close(1e3,"Normal Closure");isFinite(s)&&s>0?(clearTimeout(J),J=setTimeout(()=>{!L&&x.readyState===b.OPEN&&E()},s)):E()}D()})})]}function ee(x){if(Ne(x)&&(an(x.code)||[K.InternalServerError,K.InternalClientError,K.BadRequest,K.BadResponse,K.Unauthorized,K.SubprotocolNotAcceptable,K.SubscriberAlreadyExists,K.TooManyInitialisationRequests].includes(x.code)))throw x;if(F)return!1;if(Ne(x)&&x.code===1e3)return L>0;if(!l||B>=l||!g(x))throw x;return X=!0}o||(async()=>{for(L++;;)try{const[,,x]=await z();await x}catch(x){try{if(!ee(x))return}catch(C){return a?.(C)}}})();function S(x,C){const $=f(x);let M=!1,D=!1,y=()=>{L--,M=!0};return(async()=>{for(L++;;)try{const[w,E,A]=await z();if(M)return A.catch(()=>{}),E();const j=I.onMessage($,H=>{switch(H.type){case Y.Next:{C.next(H.payload);return}case Y.Error:{D=!0,M=!0,C.error(H.payload),y();return}case Y.Complete:{M=!0,y();return}}});w.send(ce({id:$,type:Y.Subscribe,payload:x},v)),y=()=>{!M&&w.readyState===b.OPEN&&w.send(ce({id:$,type:Y.Complete},v)),L--,M=!0,E()},await A.finally(j);return}catch(w){if(!ee(w))return}})().then(()=>{D||C.complete()}).catch(w=>{C.error(w)}),()=>{M||y()}}return{on:I.on,subscribe:S,iterate(x){const C=[],$={done:!1,error:null,resolve:()=>{}},M=S(x,{next(y){C.push(y),$.resolve()},error(y){$.done=!0,$.error=y,$.resolve()},complete(){$.done=!0,$.resolve()}}),D=(async function*(){for(;;){for(C.length||await new Promise(w=>$.resolve=w);C.length;)yield C.shift();if($.error)throw $.error;if($.done)return}})();return D.throw=async y=>($.done||($.done=!0,$.error=y,$.resolve()),{done:!0,value:void 0}),D.return=async()=>(M(),{done:!0,value:void 0}),D},async dispose(){if(F=!0,P){const[x]=await P;x.close(1e3,"Normal Closure")}},terminate(){P&&I.emit("closed",new ut)}}}class ut extends Error{name="TerminatedCloseEvent";message="4499: Terminated";code=4499;reason="Terminated";wasClean=!1}function Ne(e){return se(e)&&"code"in e&&"reason"in e}function an(e){return[1e3,1001,1006,1005,1012,1013,1014].includes(e)?!1:e>=1e3&&e<=1999}function ln(e){return typeof e=="function"&&"constructor"in e&&"CLOSED"in e&&"CLOSING"in e&&"CONNECTING"in e&&"OPEN"in e}let oe=null;async function cn(){const e=await fetch("/api/session",{headers:{Accept:"application/json"}});if(!e.ok)return oe=null,null;const t=await e.json();return oe={user:t.user,admin:t.admin,csrfToken:t.csrf_token},oe}async function dn(){const e={Accept:"application/json"};oe&&(e["X-CSRF-Token"]=oe.csrfToken),await fetch("/logout",{method:"POST",headers:e}),oe=null}function _e(e=location.pathname+location.search){return"/login?next="+encodeURIComponent(e)}class pe extends Error{errors;constructor(t){super(t.map(r=>r.message).join("; ")||"request failed"),this.errors=t}has(t){return this.errors.some(r=>r.code===t)}}async function V(e,t,r){const o={"Content-Type":"application/json",Accept:"application/json"};oe&&(o["X-CSRF-Token"]=oe.csrfToken);const a={method:"POST",headers:o,body:JSON.stringify({query:e.toString(),variables:t}),credentials:"same-origin"},s=await fetch("/graphql",a);let d;try{d=await s.json()}catch{throw new pe([{message:`HTTP ${s.status}`,code:s.status===401?"UNAUTHENTICATED":null}])}if(d.errors?.length)throw new pe(d.errors.map(c=>({message:c.message,code:c.extensions?.code??null})));if(d.data==null)throw new pe([{message:`HTTP ${s.status}`,code:null}]);return d.data}let Pe=null;function un(){if(!Pe){const e=location.protocol==="https:"?"wss:":"ws:";Pe=sn({url:`${e}//${location.host}/graphql`,lazy:!0,retryAttempts:1/0,shouldRetry:()=>!0,retryWait:async t=>{await new Promise(r=>setTimeout(r,Math.min(1e3*2**t,15e3)))}})}return Pe}function Be(e,t,r,o){return un().subscribe({query:e.toString(),variables:t},{next:a=>{a.data&&r(a.data)},error:a=>o?.(a),complete:()=>{}})}const Ue=new Set;function Ot(){for(const e of Ue)e()}window.addEventListener("popstate",Ot);function Ve(e,t=!1){e!==location.pathname+location.search&&(t?history.replaceState(null,"",e):history.pushState(null,"",e),Ot())}function hn(){const[,e]=k(0);return W(()=>{const t=()=>e(r=>r+1);return Ue.add(t),()=>{Ue.delete(t)}},[]),{path:location.pathname,query:new URLSearchParams(location.search)}}const pn=["/graphql","/login","/logout","/api/"];function mn(e){e.addEventListener("click",t=>{if(t.defaultPrevented||t.button!==0||t.metaKey||t.ctrlKey||t.shiftKey||t.altKey)return;const o=t.target?.closest("a");if(!o||o.target||o.hasAttribute("download"))return;const a=new URL(o.href,location.href);a.origin===location.origin&&(pn.some(s=>a.pathname===s||a.pathname.startsWith(s))||(t.preventDefault(),Ve(a.pathname+a.search)))})}function Ae(e){return"/projects/"+encodeURIComponent(e)}function ne(e){if(!e)return"—";const t=new Date(e);return Number.isNaN(t.getTime())?e:t.toISOString().slice(0,16).replace("T"," ")+" UTC"}function ht(e,t=Date.now()){if(!e)return"never";const r=Math.round((t-new Date(e).getTime())/1e3);return r<60?`${Math.max(r,0)} s ago`:r<3600?`${Math.round(r/60)} min ago`:r<86400?`${Math.round(r/3600)} h ago`:`${Math.round(r/86400)} d ago`}function Xe(e){if(e==null)return"";if(typeof e=="number"){if(Number.isInteger(e))return String(e);const t=Math.abs(e);return t!==0&&(t<.001||t>=1e6)?e.toExponential(3):String(Number(e.toPrecision(5)))}return typeof e=="string"?e:typeof e=="boolean"?e?"true":"false":JSON.stringify(e)}function Fe(e){const t=Xe(e);return e>0?"+"+t:t}function fn(e){return e.split(":").slice(2).join(":")||e}class R extends String{__apiType;value;__meta__;constructor(t,r){super(t),this.value=t,this.__meta__=r}toString(){return this.value}}new R(`
    fragment ModelFields on Model {
  name
  type
  description
  labels
  path
  declaredIn
  registered
  deprecated
  registryError {
    code
    message
  }
  latestVersion {
    version
  }
  versions(includeInactive: true) {
    version
    commit
    tag
    author
    createdAt
    active
    registered
    discovered
    stages
  }
  stages {
    stage
    versions {
      version
    }
  }
  history {
    kind
    version
    stage
    commit
    tag
    author
    createdAt
    message
  }
}
    `,{fragmentName:"ModelFields"});new R(`
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
    `,{fragmentName:"RowFields"});new R(`
    fragment ViewFields on View {
  id
  name
  shared
  owner
  columns
  filter
  order
  includeHidden
  baseline {
    id
  }
}
    `,{fragmentName:"ViewFields"});const gn=new R(`
    query CompareRows($projectId: ID!, $ids: [ID!]!, $baseline: ID) {
  node(id: $projectId) {
    ... on Project {
      compare(ids: $ids, baseline: $baseline) {
        experiments {
          id
          kind
          name
          sha
          status
          lastStep
          metricNames
        }
        differing
        rows {
          column
          values
          deltas
          goal
          better
        }
        plots {
          id
          kind
          revisions
          spec
          images {
            revision
            step
            url
            contentType
          }
        }
        plotErrors {
          plot
          revision
          message
        }
      }
    }
  }
}
    `),_n=new R(`
    query MetricHistory($id: ID!, $name: String!, $maxPoints: Int!) {
  node(id: $id) {
    ... on Experiment {
      metricHistory(name: $name, maxPoints: $maxPoints) {
        name
        steps
        values
        total
      }
    }
  }
}
    `),yn=new R(`
    subscription RunMetrics($projectId: ID!, $experimentId: ID!, $sinceStep: Int) {
  liveMetrics(
    projectId: $projectId
    experimentId: $experimentId
    sinceStep: $sinceStep
  ) {
    type
    step
    metrics
    experimentId
  }
}
    `),bn=new R(`
    query ModelPage($project: String!, $model: String!) {
  project(name: $project) {
    id
    name
    defaultBranch
    model(name: $model) {
      ...ModelFields
    }
  }
}
    fragment ModelFields on Model {
  name
  type
  description
  labels
  path
  declaredIn
  registered
  deprecated
  registryError {
    code
    message
  }
  latestVersion {
    version
  }
  versions(includeInactive: true) {
    version
    commit
    tag
    author
    createdAt
    active
    registered
    discovered
    stages
  }
  stages {
    stage
    versions {
      version
    }
  }
  history {
    kind
    version
    stage
    commit
    tag
    author
    createdAt
    message
  }
}`),wn=new R(`
    mutation RegisterVersion($input: RegisterModelVersionInput!) {
  registerModelVersion(input: $input) {
    tag
    model {
      ...ModelFields
    }
    errors {
      code
      message
    }
  }
}
    fragment ModelFields on Model {
  name
  type
  description
  labels
  path
  declaredIn
  registered
  deprecated
  registryError {
    code
    message
  }
  latestVersion {
    version
  }
  versions(includeInactive: true) {
    version
    commit
    tag
    author
    createdAt
    active
    registered
    discovered
    stages
  }
  stages {
    stage
    versions {
      version
    }
  }
  history {
    kind
    version
    stage
    commit
    tag
    author
    createdAt
    message
  }
}`),vn=new R(`
    mutation AssignStage($input: StageInput!) {
  assignStage(input: $input) {
    tag
    model {
      ...ModelFields
    }
    errors {
      code
      message
    }
  }
}
    fragment ModelFields on Model {
  name
  type
  description
  labels
  path
  declaredIn
  registered
  deprecated
  registryError {
    code
    message
  }
  latestVersion {
    version
  }
  versions(includeInactive: true) {
    version
    commit
    tag
    author
    createdAt
    active
    registered
    discovered
    stages
  }
  stages {
    stage
    versions {
      version
    }
  }
  history {
    kind
    version
    stage
    commit
    tag
    author
    createdAt
    message
  }
}`),Sn=new R(`
    mutation UnassignStage($input: StageInput!) {
  unassignStage(input: $input) {
    tag
    model {
      ...ModelFields
    }
    errors {
      code
      message
    }
  }
}
    fragment ModelFields on Model {
  name
  type
  description
  labels
  path
  declaredIn
  registered
  deprecated
  registryError {
    code
    message
  }
  latestVersion {
    version
  }
  versions(includeInactive: true) {
    version
    commit
    tag
    author
    createdAt
    active
    registered
    discovered
    stages
  }
  stages {
    stage
    versions {
      version
    }
  }
  history {
    kind
    version
    stage
    commit
    tag
    author
    createdAt
    message
  }
}`),kn=new R(`
    mutation DeprecateModel($input: DeprecateModelInput!) {
  deprecateModel(input: $input) {
    tag
    model {
      ...ModelFields
    }
    errors {
      code
      message
    }
  }
}
    fragment ModelFields on Model {
  name
  type
  description
  labels
  path
  declaredIn
  registered
  deprecated
  registryError {
    code
    message
  }
  latestVersion {
    version
  }
  versions(includeInactive: true) {
    version
    commit
    tag
    author
    createdAt
    active
    registered
    discovered
    stages
  }
  stages {
    stage
    versions {
      version
    }
  }
  history {
    kind
    version
    stage
    commit
    tag
    author
    createdAt
    message
  }
}`),$n=new R(`
    query ModelsDashboard($after: String, $filter: ModelFilter) {
  models(first: 100, after: $after, filter: $filter) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      name
      type
      description
      labels
      path
      registered
      deprecated
      registryError {
        code
        message
      }
      latestVersion {
        version
        createdAt
      }
      stages {
        stage
        versions {
          version
        }
      }
      project {
        id
        name
      }
    }
  }
}
    `),In=new R(`
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
    `),xn=new R(`
    query TableProject($name: String!, $includeHidden: Boolean!) {
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
    fragment ViewFields on View {
  id
  name
  shared
  owner
  columns
  filter
  order
  includeHidden
  baseline {
    id
  }
}`),En=new R(`
    query ViewGoals($projectId: ID!, $name: String!) {
  node(id: $projectId) {
    ... on Project {
      view(name: $name) {
        id
        goals {
          column
          goal
        }
      }
    }
  }
}
    `),Tn=new R(`
    query BaselineRow($id: ID!, $columns: [String!]) {
  node(id: $id) {
    ... on Experiment {
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
}`),Cn=new R(`
    query TableRows($projectId: ID!, $filter: ExperimentFilter, $orderBy: [ExperimentOrder!], $first: Int!, $after: String, $columns: [String!]) {
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
}`),Mn=new R(`
    query TableRowsNested($projectId: ID!, $filter: ExperimentFilter, $orderBy: [ExperimentOrder!], $first: Int!, $after: String, $columns: [String!]) {
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
            experiments {
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
}`),An=new R(`
    mutation HideRows($input: HideRowsInput!) {
  hideRows(input: $input) {
    experiments {
      id
      hidden
      autoHidden
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
    `),jn=new R(`
    mutation UnhideRows($input: HideRowsInput!) {
  unhideRows(input: $input) {
    experiments {
      id
      hidden
      autoHidden
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
    `),Rn=new R(`
    mutation SaveView($input: SaveViewInput!) {
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
    fragment ViewFields on View {
  id
  name
  shared
  owner
  columns
  filter
  order
  includeHidden
  baseline {
    id
  }
}`),Nn=new R(`
    mutation DeleteView($input: DeleteViewInput!) {
  deleteView(input: $input) {
    deletedId
    errors {
      code
      message
    }
  }
}
    `);new R(`
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
    `);const Pn=new R(`
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
}`),Dn=new R(`
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
}`),Hn=new R(`
    query MyTokens {
  me {
    name
    tokens {
      id
      name
      prefix
      scopes
      createdAt
      lastUsedAt
      projects
    }
  }
}
    `),On=new R(`
    mutation CreateToken($input: CreateAccessTokenInput!) {
  createAccessToken(input: $input) {
    token
    accessToken {
      id
      name
    }
    errors {
      code
      message
    }
  }
}
    `),Ln=new R(`
    mutation RevokeToken($id: ID!) {
  revokeAccessToken(id: $id) {
    accessToken {
      id
      revokedAt
    }
    errors {
      code
      message
    }
  }
}
    `);function le(e){W(()=>{document.title=e?`${e} · gitstudio`:"gitstudio"},[e])}function Bn(){return le("Not found"),n("section",{children:[n("h1",{children:"Not found"}),n("p",{children:["No page here. ",n("a",{href:"/",children:"All projects"})]})]})}function Lt(e){return n("div",{class:"notice",role:"alert","data-testid":"sign-in-needed",children:e.signedIn?n("p",{children:[e.what," does not exist or you may not read it."]}):n("p",{children:[e.what," is not public. ",n("a",{href:_e(),children:"Sign in"})," to see it."]})})}function ye(e){const t=e.error instanceof Error?e.error.message:String(e.error);return n("div",{class:"notice error",role:"alert",children:n("p",{children:t})})}const Un=15e3;function Vn(e){le("Projects");const[t,r]=k(null),[o,a]=k(0),[s,d]=k(null),[c,h]=k(null);return W(()=>{let l=!1;const u=async()=>{try{const i=[];let m=null,f=0,v=!1;for(let _=0;_<20;_++){const p=await V(In,{after:m});if(i.push(...p.projects.nodes),f=p.projects.totalCount,v=p.projects.pageInfo.hasNextPage,m=p.projects.pageInfo.endCursor,!v)break}if(l)return;r(i),a(f),d(v?m:null),h(null)}catch(i){l||h(i)}};u();const g=setInterval(()=>{u()},Un);return()=>{l=!0,clearInterval(g)}},[]),n("section",{"aria-labelledby":"projects-title",children:[n("h1",{id:"projects-title",children:"Projects"}),c?n(ye,{error:c}):null,e.session?null:n("p",{class:"muted",children:["Signed out: only public projects are listed. ",n("a",{href:_e("/"),children:"Sign in"})," to see yours."]}),t===null?n("p",{class:"muted",children:"Loading projects…"}):t.length===0?n("p",{children:"No projects yet. Add one with the createProject mutation or `gitstudio project add`."}):n(Z,{children:[n("table",{class:"projects","data-testid":"projects",children:[n("caption",{class:"sr-only",children:[o," projects"]}),n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"Project"}),n("th",{scope:"col",children:"Last sync"}),n("th",{scope:"col",children:"State"}),n("th",{scope:"col",class:"num",children:"Commits"}),n("th",{scope:"col",class:"num",children:"Rows"}),n("th",{scope:"col",children:"Running live experiments"})]})}),n("tbody",{children:t.map(l=>n("tr",{"data-testid":"project","data-project":l.name,children:[n("th",{scope:"row",children:[n("a",{href:Ae(l.name),children:l.name}),n("div",{class:"muted small",title:l.repoUrl,children:[l.visibility.toLowerCase()," · ",l.defaultBranch??"no default branch"]})]}),n("td",{title:ne(l.lastSyncedAt),children:ht(l.lastSyncedAt)}),n("td",{children:[n("span",{class:`badge sync-${l.syncState.toLowerCase()}`,children:l.syncState.toLowerCase()}),l.lastSyncError?n("div",{class:"sync-error","data-testid":"sync-error",children:l.lastSyncError}):null]}),n("td",{class:"num",children:l.commits.totalCount}),n("td",{class:"num","data-testid":"row-count",children:l.rows.totalCount}),n("td",{"data-testid":"running",children:l.running.totalCount===0?n("span",{class:"muted",children:"none"}):n("ul",{class:"running",children:[l.running.nodes.map(u=>n("li",{children:[n("span",{class:"live-dot","aria-hidden":"true"}),u.name??u.id," · step ",u.lastStep??0," · ",ht(u.lastEventAt)]},u.id)),l.running.totalCount>l.running.nodes.length?n("li",{class:"muted",children:["and ",l.running.totalCount-l.running.nodes.length," more"]}):null]})})]},l.id))})]}),s?n("p",{class:"muted",children:["Showing the first ",t.length," of ",o," projects."]}):null]})]})}const Fn=(function(){const t=typeof document<"u"&&document.createElement("link").relList;return t&&t.supports&&t.supports("modulepreload")?"modulepreload":"preload"})(),qn=function(e){return"/"+e},pt={},mt=function(t,r,o){let a=Promise.resolve();if(r&&r.length>0){let l=function(u){return Promise.all(u.map(g=>Promise.resolve(g).then(i=>({status:"fulfilled",value:i}),i=>({status:"rejected",reason:i}))))};var d=l;document.getElementsByTagName("link");const c=document.querySelector("meta[property=csp-nonce]"),h=c?.nonce||c?.getAttribute("nonce");a=l(r.map(u=>{if(u=qn(u),u in pt)return;pt[u]=!0;const g=u.endsWith(".css"),i=g?'[rel="stylesheet"]':"";if(document.querySelector(`link[href="${u}"]${i}`))return;const m=document.createElement("link");if(m.rel=g?"stylesheet":Fn,g||(m.as="script"),m.crossOrigin="",m.href=u,h&&m.setAttribute("nonce",h),document.head.appendChild(m),g)return new Promise((f,v)=>{m.addEventListener("load",f),m.addEventListener("error",()=>v(new Error(`Unable to preload CSS for ${u}`)))})}))}function s(c){const h=new Event("vite:preloadError",{cancelable:!0});if(h.payload=c,window.dispatchEvent(h),!h.defaultPrevented)throw c}return a.then(c=>{for(const h of c||[])h.status==="rejected"&&s(h.reason);return t().catch(s)})};async function Bt(e,t){const[{default:r},{expressionInterpreter:o}]=await Promise.all([mt(()=>import("./embed-ji_c-7H5.js"),__vite__mapDeps([0,1])),mt(()=>import("./vega-interpreter-BmnYaw1U.js").then(s=>s.v),[])]),a=await r(e,t,{ast:!0,expr:o,actions:!1,defaultStyle:!1,renderer:"canvas",tooltip:{disableDefaultStyle:!0}});return{finalize:()=>a.finalize(),insert:async(s,d)=>{await a.view.insert(s,d).runAsync()}}}function Gn(e,t){return{$schema:"https://vega.github.io/schema/vega-lite/v6.json",title:e,width:360,height:200,data:{name:"points",values:t},mark:{type:"line",point:!0,tooltip:!0},encoding:{x:{field:"step",type:"quantitative",title:"step"},y:{field:"value",type:"quantitative",title:e,scale:{zero:!1}},color:{field:"rev",type:"nominal",title:"row"}}}}const Wn=12,zn=500;function Jn(e){const t=[...new Set(e.rows.flatMap(d=>d.metricNames))].sort().slice(0,Wn),r=ae(new Map),o=e.rows.map(d=>d.id).join(","),[a,s]=k(0);return W(()=>{if(a<t.length||t.length===0)return;const d=[];for(const c of e.rows.filter(h=>h.live)){let h=-1;for(const l of r.current.values())h=Math.max(h,l.lastStep(c.label));d.push(Be(yn,{projectId:e.projectId,experimentId:c.id,sinceStep:h>=0?h:null},l=>{const u=l.liveMetrics;if(!(u.type!=="DATA"||u.step===null||typeof u.metrics!="object"||!u.metrics))for(const[g,i]of Object.entries(u.metrics))typeof i=="number"&&r.current.get(g)?.append({rev:c.label,step:u.step,value:i})}))}return()=>{for(const c of d)c()}},[o,a,t.length,e.projectId]),t.length===0?null:n("div",{class:"plots","data-testid":"metric-charts",children:t.map(d=>n(Xn,{name:d,rows:e.rows.filter(c=>c.metricNames.includes(d)),register:c=>{r.current.set(d,c),s(h=>h+1)}},`${o}:${d}`))})}function Xn(e){const t=ae(null),[r,o]=k(0),[a,s]=k(null);return W(()=>{const d=t.current;if(!d)return;const c={stopped:!1},h=()=>c.stopped;let l=null;const u=new Map;let g=0;return(async()=>{const f=(await Promise.all(e.rows.map(async v=>{const p=(await V(_n,{id:v.id,name:e.name,maxPoints:zn})).node,b=p&&"metricHistory"in p?p.metricHistory:null,I=[];return b&&b.steps.forEach((O,P)=>{const L=b.values[P];typeof L=="number"&&I.push({rev:v.label,step:O,value:L})}),I}))).flat();for(const v of f)u.set(v.rev,Math.max(u.get(v.rev)??-1,v.step));if(!h()){if(l=await Bt(d,Gn(e.name,f)),h()){l.finalize();return}g=f.length,o(g),e.register({lastStep:v=>u.get(v)??-1,append:v=>{(u.get(v.rev)??-1)>=v.step||(u.set(v.rev,v.step),g+=1,o(g),l?.insert("points",[v]))}})}})().catch(m=>s(m instanceof Error?m.message:String(m))),()=>{c.stopped=!0,l?.finalize()}},[]),n("figure",{class:"plot","data-testid":"metric-chart","data-metric":e.name,"data-points":r,children:[n("figcaption",{children:e.name}),n("div",{ref:t,class:"chart"}),a?n("p",{class:"sync-error",children:a}):null]})}function Qn(e){const[t,r]=k(null),[o,a]=k(null),[s,d]=k(!0),c=e.ids.join(",");W(()=>{let u=!1;return r(null),V(gn,{projectId:e.projectId,ids:e.ids,baseline:e.baselineId}).then(g=>{const i=g.node;!u&&i&&"compare"in i&&r(i.compare)}).catch(g=>{u||a(g instanceof Error?g.message:String(g))}),()=>{u=!0}},[e.projectId,c,e.baselineId]);const h=new Set(t?.differing??[]),l=t?t.rows.filter(u=>!s||h.has(u.column)):[];return n("section",{class:"compare","aria-labelledby":"compare-title","data-testid":"compare-panel",children:[n("div",{class:"compare-head",children:[n("h2",{id:"compare-title",children:["Compare ",e.ids.length," rows"]}),n("label",{children:[n("input",{type:"checkbox",checked:s,onChange:u=>d(u.currentTarget.checked)})," only columns that differ"]}),n("button",{type:"button",onClick:e.onClose,children:"Close compare"})]}),o?n("p",{class:"sync-error",children:o}):null,!t&&!o?n("p",{class:"muted",children:"Loading…"}):null,t?n(Z,{children:[n("div",{class:"compare-table-wrap",children:n("table",{class:"compare-table",children:[n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"Column"}),t.experiments.map(u=>n("th",{scope:"col",children:u.name??u.sha?.slice(0,7)??u.id},u.id))]})}),n("tbody",{children:l.map(u=>n("tr",{children:[n("th",{scope:"row",title:u.column,children:u.column}),u.values.map((g,i)=>{const m=u.deltas[i],f=u.better[i];return n("td",{class:`num ${f===!0?"better":f===!1?"worse":""}`,children:[Xe(g),m!=null&&m!==0?n("span",{class:"delta",children:[" (",Fe(m),")"]}):null]},i)})]},u.column))})]})}),n(Jn,{projectId:e.projectId,rows:t.experiments.map(u=>({id:u.id,label:u.name??u.sha?.slice(0,7)??u.id,live:u.kind==="LIVE"&&(u.status==="RUNNING"||u.status==="QUEUED"),metricNames:u.metricNames}))}),n("div",{class:"plots","data-testid":"plots",children:[t.plots.map(u=>n(Kn,{plot:u},u.id)),t.plots.length===0?n("p",{class:"muted",children:"These rows have no plots."}):null]}),t.plotErrors.length?n("ul",{class:"plot-errors",children:t.plotErrors.map((u,g)=>n("li",{class:"sync-error",children:[u.revision,": ",u.plot??"all plots",": ",u.message]},g))}):null]}):null]})}function Kn(e){const{plot:t}=e;return t.kind==="IMAGE"?n("figure",{class:"plot","data-testid":"plot","data-plot":t.id,children:[n("figcaption",{children:t.id}),n("div",{class:"images",children:t.images.map(r=>n("img",{src:r.url,alt:`${t.id} of ${r.revision}${r.step!==null?` at step ${r.step}`:""}`,loading:"lazy"},r.url))})]}):n("figure",{class:"plot","data-testid":"plot","data-plot":t.id,children:[n("figcaption",{children:t.id}),n(Yn,{spec:t.spec})]})}function Yn(e){const t=ae(null),[r,o]=k("loading");return W(()=>{const a=t.current;if(!a||e.spec==null)return;let s=null,d=!1;return Bt(a,e.spec).then(c=>{d?c.finalize():(s=c,o("ready"))}).catch(c=>o(c instanceof Error?c.message:String(c))),()=>{d=!0,s?.finalize()}},[e.spec]),n("div",{class:"chart-wrap","data-state":r==="loading"||r==="ready"?r:"error",children:[n("div",{ref:t,class:"chart","data-testid":"chart"}),r!=="loading"&&r!=="ready"?n("p",{class:"sync-error",children:r}):null]})}const Zn=[{op:"EQ",label:"="},{op:"NE",label:"≠"},{op:"GT",label:">"},{op:"GTE",label:"≥"},{op:"LT",label:"<"},{op:"LTE",label:"≤"},{op:"CONTAINS",label:"contains"},{op:"EXISTS",label:"exists"}],er=[{field:"BRANCH",label:"Branch"},{field:"AUTHOR",label:"Author"},{field:"MESSAGE",label:"Message"},{field:"COMMITTED_AT",label:"Created"}],tr={branch:"",onBranch:"",tag:"",detached:"",author:"",message:""};function Ut(e){const t=e.filter(o=>o.kind==="METRIC").map(o=>o.id),r=e.filter(o=>o.kind==="PARAM").map(o=>o.id);return t.length+r.length<=40?[...t,...r]:[...t.slice(0,20),...r.slice(0,20)]}function ft(e){return{columns:Ut(e.columns),sort:null,git:{...tr},conditions:[],showHidden:!1,groupByBranch:!0,baselineId:null,baseline:null,deltas:!1,viewGoals:{},view:null}}function me(e){const t={},r=e.git;r.branch&&(t.branch=r.branch),r.onBranch&&(t.onBranch=r.onBranch),r.tag&&(t.tag=r.tag),r.detached&&(t.detached=r.detached==="only"),r.author.trim()&&(t.author=r.author.trim()),r.message.trim()&&(t.message=r.message.trim());const o=e.conditions.filter(a=>a.column);return o.length&&(t.columns=o),e.showHidden&&(t.includeHidden=!0),t}function ke(e){return e?e.key.startsWith("field:")?[{field:e.key.slice(6),direction:e.direction}]:[{column:e.key,direction:e.direction}]:null}function gt(e){return(e.sort===null||e.sort.key==="field:COMMITTED_AT")&&e.conditions.length===0&&!e.git.author.trim()&&!e.git.message.trim()}function de(e){return typeof e=="string"?e:""}function _t(e,t,r,o=[]){const a=new Set(t.columns.map(i=>i.id)),s=e.filter??{},c=(Array.isArray(e.order)?e.order:[])[0];let h=null;if(c){const i=c.direction==="ASC"?"ASC":"DESC";typeof c.column=="string"&&c.column?h={key:c.column,direction:i}:typeof c.field=="string"&&c.field&&(h={key:"field:"+c.field,direction:i})}const l=s.detached===!0?"only":s.detached===!1?"none":"",u={};for(const i of o)i.goal&&(u[i.column]=i.goal);const g=e.columns.filter(i=>a.has(i));return{...r,columns:g.length?g:Ut(t.columns),sort:h,git:{branch:de(s.branch),onBranch:de(s.onBranch),tag:de(s.tag),detached:l,author:de(s.author),message:de(s.message)},conditions:Array.isArray(s.columns)?s.columns:[],showHidden:e.includeHidden,baselineId:e.baseline?.id??null,baseline:null,deltas:r.deltas&&e.baseline!==null,viewGoals:u,view:e.name}}function nr(e,t){const r=new Map;for(const o of e.columnGoals)o.goal&&r.set(o.column,o.goal);for(const[o,a]of Object.entries(t.viewGoals))r.set(o,a);return r}function rr(e){const t=e.trim();if(t==="")return null;try{return JSON.parse(t)}catch{return t}}function or(e,t){const r=new URLSearchParams;r.set("filter",JSON.stringify(me(t)));const o=ke(t.sort);o&&r.set("orderBy",JSON.stringify(o));for(const a of t.columns)r.append("columns",a);return`/api/projects/${e}/experiments.csv?${r.toString()}`}function sr(e){const{project:t,state:r,update:o}=e,a=l=>o({git:{...r.git,...l}}),s=t.branches.filter(l=>r.showHidden||!l.hidden),d=r.conditions,c=(l,u)=>o({conditions:d.map((g,i)=>i===l?{...g,...u}:g)}),h=d.length+Object.values(r.git).filter(l=>l!=="").length;return n("details",{class:"panel","data-testid":"filters",children:[n("summary",{children:["Filters",h?` (${h})`:""]}),n("div",{class:"panel-body",children:[n("fieldset",{children:[n("legend",{children:"Git"}),n("label",{children:["Branch",n("select",{value:r.git.branch,onChange:l=>a({branch:l.currentTarget.value}),"data-testid":"filter-branch",children:[n("option",{value:"",children:"any"}),s.map(l=>n("option",{value:l.name,children:l.name},l.name))]})]}),n("label",{children:["Commits on branch",n("select",{value:r.git.onBranch,onChange:l=>a({onBranch:l.currentTarget.value}),children:[n("option",{value:"",children:"any"}),s.map(l=>n("option",{value:l.name,children:l.name},l.name))]})]}),n("label",{children:["Tag",n("select",{value:r.git.tag,onChange:l=>a({tag:l.currentTarget.value}),children:[n("option",{value:"",children:"any"}),t.tags.map(l=>n("option",{value:l.name,children:l.name},l.name))]})]}),n("label",{children:["Detached",n("select",{value:r.git.detached,onChange:l=>a({detached:l.currentTarget.value}),children:[n("option",{value:"",children:"shown"}),n("option",{value:"only",children:"only"}),n("option",{value:"none",children:"left out"})]})]}),n("label",{children:["Author",n("input",{type:"search",value:r.git.author,onChange:l=>a({author:l.currentTarget.value})})]}),n("label",{children:["Message",n("input",{type:"search",value:r.git.message,onChange:l=>a({message:l.currentTarget.value})})]})]}),n("fieldset",{children:[n("legend",{children:"Values"}),d.map((l,u)=>n("div",{class:"condition","data-testid":"condition",children:[n("label",{children:[n("span",{class:"sr-only",children:["Column of condition ",u+1]}),n("select",{value:l.column,onChange:g=>c(u,{column:g.currentTarget.value}),children:t.columns.map(g=>n("option",{value:g.id,children:g.id},g.id))})]}),n("label",{children:[n("span",{class:"sr-only",children:["Operator of condition ",u+1]}),n("select",{value:l.op,onChange:g=>c(u,{op:g.currentTarget.value}),children:Zn.map(g=>n("option",{value:g.op,children:g.label},g.op))})]}),l.op!=="EXISTS"?n("label",{children:[n("span",{class:"sr-only",children:["Value of condition ",u+1]}),n("input",{type:"text",value:l.value===null||l.value===void 0?"":typeof l.value=="string"?l.value:JSON.stringify(l.value),onChange:g=>c(u,{value:rr(g.currentTarget.value)})})]}):null,n("button",{type:"button","aria-label":`Remove condition ${u+1}`,onClick:()=>o({conditions:d.filter((g,i)=>i!==u)}),children:"✕"})]},u)),n("button",{type:"button",disabled:t.columns.length===0,onClick:()=>{const l=t.columns.find(u=>u.kind==="METRIC")??t.columns[0];l&&o({conditions:[...d,{column:l.id,op:"GT",value:null}]})},children:"Add condition"})]}),h?n("button",{type:"button",onClick:()=>o({conditions:[],git:{branch:"",onBranch:"",tag:"",detached:"",author:"",message:""}}),children:"Clear filters"}):null]})]})}function ir(e){const{project:t,state:r,update:o}=e,[a,s]=k(""),d=new Set(r.columns),c=new Map(t.columnGoals.map(f=>[f.column,f.goal])),h=(f,v)=>{const _=[...r.columns],p=_.indexOf(f),b=p+v;p<0||b<0||b>=_.length||([_[p],_[b]]=[_[b],_[p]],o({columns:_}))},l=(f,v)=>o({columns:v?[...r.columns,f]:r.columns.filter(_=>_!==f)}),u=(f,v)=>{const _={};for(const[p,b]of Object.entries(r.viewGoals))p!==f&&(_[p]=b);(v==="HIGHER"||v==="LOWER")&&(_[f]=v),o({viewGoals:_})},g=a.trim().toLowerCase(),i=new Map(t.columns.map(f=>[f.id,f])),m=[...r.columns.map(f=>i.get(f)).filter(f=>f!==void 0),...t.columns.filter(f=>!d.has(f.id))].filter(f=>!g||f.id.toLowerCase().includes(g));return n("details",{class:"panel","data-testid":"columns-chooser",children:[n("summary",{children:["Columns (",r.columns.length,"/",t.columns.length,")"]}),n("div",{class:"panel-body columns-body",children:[n("div",{class:"row-controls",children:[n("label",{children:["Find",n("input",{type:"search",value:a,onInput:f=>s(f.currentTarget.value)})]}),n("button",{type:"button",onClick:()=>o({columns:t.columns.map(f=>f.id)}),children:"Show all"}),n("button",{type:"button",onClick:()=>o({columns:[]}),children:"Hide all"})]}),n("ul",{class:"columns-list",children:m.map(f=>{const v=d.has(f.id),_=r.viewGoals[f.id]??"";return n("li",{"data-testid":"column-option","data-column":f.id,children:[n("label",{class:"grow",children:[n("input",{type:"checkbox",checked:v,onChange:p=>l(f.id,p.currentTarget.checked)}),n("span",{class:`kind kind-${f.kind.toLowerCase()}`,children:f.kind==="METRIC"?"M":"P"})," ",f.id]}),n("label",{children:[n("span",{class:"sr-only",children:["Goal of ",f.id]}),n("select",{value:_,onChange:p=>u(f.id,p.currentTarget.value),children:[n("option",{value:"",children:c.get(f.id)?`project: ${(c.get(f.id)??"").toLowerCase()}`:"no goal"}),n("option",{value:"HIGHER",children:"higher is better"}),n("option",{value:"LOWER",children:"lower is better"})]})]}),n("button",{type:"button",disabled:!v,"aria-label":`Move ${f.id} left`,onClick:()=>h(f.id,-1),children:"↑"}),n("button",{type:"button",disabled:!v,"aria-label":`Move ${f.id} right`,onClick:()=>h(f.id,1),children:"↓"})]},f.id)})})]})]})}function ar(e){const[t,r]=k(""),[o,a]=k(!1),[s,d]=k(null),c=e.views.find(h=>h.name===e.current)??null;return n("div",{class:"views","data-testid":"views",children:[n("label",{children:["View",n("select",{value:e.current??"","data-testid":"view-select",onChange:h=>e.pick(h.currentTarget.value||null),children:[n("option",{value:"",children:"(none)"}),e.views.map(h=>n("option",{value:h.name,children:[h.name,h.shared?" (shared)":""]},h.id))]})]}),c?n("button",{type:"button",onClick:()=>{e.remove(c).then(d)},children:"Delete view"}):null,e.signedIn?n("form",{class:"save-view",onSubmit:h=>{h.preventDefault();const l=t.trim()||e.current||"";if(!l){d("Name the view");return}e.save(l,o).then(u=>{d(u??`Saved “${l}”`),u||r("")})},children:[n("label",{children:["Save as",n("input",{type:"text",value:t,placeholder:e.current??"view name",onInput:h=>r(h.currentTarget.value),"data-testid":"view-name"})]}),n("label",{children:[n("input",{type:"checkbox",checked:o,onChange:h=>a(h.currentTarget.checked)})," shared"]}),n("button",{type:"submit",children:"Save view"})]}):null,s?n("span",{class:"muted",role:"status",children:s}):null]})}const lr=9e4,cr=500,dr=20;function ur(e,t,r){const o=4+e,a=o+2+(t?1+dr*o:0),s=Math.floor(lr/a);return Math.max(5,Math.min(r?100:cr,s))}function hr(e,t){const{commit:r,...o}=e,a={...o,committedAt:r?.committedAt,branches:r?.branches};return t&&e.kind==="COMMIT"&&(a.children=r?.experiments?[...r.experiments]:[]),a}class pr{query;segments;onChange;stopped=!1;itemsCache=null;collapsedBranches;collapsedRows;includeHidden;constructor(t,r,o,a={branches:new Set,rows:new Set}){this.collapsedBranches=a.branches,this.collapsedRows=a.rows,this.query=t,this.segments=r,this.onChange=o,this.includeHidden=!!t.filter.includeHidden}stop(){this.stopped=!0}isStopped(){return this.stopped}changed(){this.itemsCache=null,this.stopped||this.onChange()}async load(t){if(!(t.loading||!t.hasNext&&t.total!==null||this.stopped)){t.loading=!0;try{const r={projectId:this.query.projectId,filter:t.filter,orderBy:this.query.orderBy,first:ur(this.query.columns.length,this.query.nested,t.total===null),after:t.cursor,columns:this.query.columns},o=this.query.nested?await V(Mn,r):await V(Cn,r);if(this.isStopped())return;const a=o.node;if(!a||!("experiments"in a))throw new Error("the project is gone");const s=a.experiments,d=new Set(t.rows.map(c=>c.id));for(const c of s.nodes)d.has(c.id)||t.rows.push(hr(c,this.query.nested));t.total=Math.max(s.totalCount,t.rows.length),t.cursor=s.pageInfo.endCursor,t.hasNext=s.pageInfo.hasNextPage,t.hasNext||(t.total=t.rows.length),t.error=null}catch(r){t.error=r instanceof Error?r.message:String(r),t.hasNext=!1,t.total=t.rows.length}finally{t.loading=!1,this.changed()}}}items(){if(this.itemsCache)return this.itemsCache;const t=[];for(const r of this.segments){if(r.label!==null&&(t.push({t:"branch",key:"b:"+r.key,seg:r}),this.collapsedBranches.has(r.key)))continue;for(const a of r.rows)if(!(!this.includeHidden&&a.hidden)&&(t.push({t:"row",key:r.key+":"+a.id,row:a,seg:r,depth:0}),a.children&&!this.collapsedRows.has(a.id)))for(const s of a.children)!this.includeHidden&&s.hidden||t.push({t:"child",key:r.key+":"+a.id+":"+s.id,row:s,parent:a,depth:1});const o=r.total===null?1:r.error?0:r.total-r.rows.length;for(let a=0;a<o;a++)t.push({t:"more",key:`m:${r.key}:${a}`,seg:r})}return this.itemsCache=t,t}*places(t){for(const r of this.segments)for(let o=0;o<r.rows.length;o++){const a=r.rows[o];if(a&&(a.id===t&&(yield{list:r.rows,index:o}),a.children)){const s=a.children.findIndex(d=>d.id===t);s>=0&&(yield{list:a.children,index:s})}}}upsert(t,r){let o=!1;for(const{list:a,index:s}of this.places(t.id)){const d=a[s];d&&(a[s]={...d,...t}),o=!0}return!o&&r&&(o=this.place(t)),o&&this.changed(),o}place(t){if(this.query.nested&&t.kind!=="COMMIT"){let o=!1;for(const s of this.segments)for(const d of s.rows)d.kind==="COMMIT"&&d.sha&&d.sha===t.baselineSha&&d.children&&(d.children.unshift({...t}),o=!0);if(o)return!0;const a=this.segments.find(s=>s.key==="detached");return t.detached&&a?(a.rows.unshift({...t}),a.total=(a.total??0)+1,!0):!1}const r=this.segments[0];return!r||this.query.nested?!1:(r.rows.unshift({...t}),r.total!==null&&(r.total+=1),!0)}patch(t,r){let o=!1;for(const{list:a,index:s}of this.places(t)){const d=a[s];d&&(a[s]={...d,...r}),o=!0}o&&this.changed()}remove(t){let r=!1;for(const o of this.segments){const a=o.rows.length;o.rows=o.rows.filter(s=>s.id!==t),o.rows.length!==a&&(r=!0,o.total!==null&&(o.total-=a-o.rows.length));for(const s of o.rows)s.children?.some(d=>d.id===t)&&(s.children=s.children.filter(d=>d.id!==t),r=!0)}r&&this.changed()}find(t){for(const{list:r,index:o}of this.places(t))return r[o]??null;return null}}const $e=32,yt=12,mr=60,bt=2500;function fr(e,t,r){const o=me(t),a=(h,l,u,g)=>({key:h,label:l,branch:u,filter:g,rows:[],total:null,cursor:null,hasNext:!0,loading:!1,error:null});if(!r)return[a("all",null,null,o)];const s={...o,kinds:["COMMIT"]};if(o.detached===!0)return[a("detached","Detached runs",null,o)];if(o.branch)return[a("branch:"+o.branch,o.branch,o.branch,s)];if(o.onBranch)return[a("on:"+o.onBranch,`commits on ${o.onBranch}`,null,s)];if(o.tag)return[a("tag:"+o.tag,`tag ${o.tag}`,null,s)];const c=e.branches.filter(h=>!h.folded&&(t.showHidden||!h.hidden)).sort((h,l)=>h.name===e.defaultBranch?-1:l.name===e.defaultBranch?1:h.name<l.name?-1:1).map(h=>a("branch:"+h.name,h.name,h.name,{...s,branch:h.name}));return o.detached!==!1&&c.push(a("detached","Detached runs",null,{...o,detached:!0})),c}function gr(e){return e.kind==="COMMIT"?e.sha?.slice(0,7)??String(e.databaseId):e.name??(e.kind==="LIVE"?`live run ${e.databaseId}`:e.sha?.slice(0,7)??String(e.databaseId))}const wt=new WeakMap;function vt(e){let t=wt.get(e);return t||(t=new Map(e.values.map(r=>[r.column,r.value])),wt.set(e,t)),t}async function St(e,t){try{const o=(await V(En,{projectId:e,name:t})).node;return o&&"view"in o?o.view?.goals??[]:[]}catch{return[]}}function _r(e){return typeof e=="object"&&e!==null&&"databaseId"in e&&"values"in e}function yr(e){return(e??"").split(`
`,1)[0]??""}const br=[36,250,124,120,120,240,140],wr=116,vr=84;function Sr(e){const t=[...br,...e.map(()=>wr),vr];return{grid:t.map(r=>`${r}px`).join(" "),width:t.reduce((r,o)=>r+o,0)}}function kr(e){le(e.name);const[t,r]=k(null),[o,a]=k(!1),[s,d]=k(null),[c,h]=k(null),[l,u]=k(null),[,g]=k(0),[i,m]=k(new Set),[f,v]=k(null),[_,p]=k(null),b=ae(new Map),I=ae({branches:new Set,rows:new Set}),O=lt(async()=>{try{const y=await V(xn,{name:e.name,includeHidden:!0});return y.project?(r(y.project),y.project):(a(!0),null)}catch(y){return y instanceof pe&&(y.has("UNAUTHENTICATED")||y.has("FORBIDDEN")||y.has("NOT_FOUND"))?a(!0):d(y),null}},[e.name]);W(()=>{O().then(y=>{if(!y)return;const w=ft(y),E=new URLSearchParams(location.search).get("view"),A=E?y.views.find(j=>j.name===E):void 0;if(!A){h(w);return}St(y.id,A.name).then(j=>h(_t(A,y,w,j)))})},[O]);const P=c?c.groupByBranch&&gt(c):!1,L=c&&t?JSON.stringify([t.id,me(c),ke(c.sort),c.columns,P,t.branches]):null;W(()=>{if(!t||!c||L===null)return;const y=new pr({projectId:t.id,filter:me(c),orderBy:ke(c.sort),columns:c.columns,nested:P},fr(t,c,P),()=>g(w=>w+1),I.current);return u(y),()=>y.stop()},[L]),W(()=>{l&&(l.includeHidden=!!c?.showHidden),l?.changed()},[l,c?.showHidden]),W(()=>{if(!l||!t)return;const y={projectId:t.id,columns:l.query.columns},w=Object.keys(l.query.filter).every(H=>H==="includeHidden"),E=H=>{b.current.set(H,Date.now()+bt),setTimeout(()=>{const T=b.current.get(H);T!==void 0&&T<=Date.now()&&(b.current.delete(H),l.changed())},bt+50)},A=Be(Pn,y,H=>{const T=H.experimentEvents;if(T.change==="REMOVED"||!T.experiment){l.remove(T.experimentId);return}l.upsert(T.experiment,w||T.experiment.kind==="LIVE")&&E(T.experimentId)}),j=Be(Dn,y,H=>{const T=H.liveMetrics;l.upsert(T.experiment,!0)&&E(T.experimentId)});return()=>{A(),j()}},[l,t]);const J=c?.baselineId??null,X=c?JSON.stringify(c.columns):"";W(()=>{if(!J||!c)return;let y=!1;return V(Tn,{id:J,columns:c.columns}).then(w=>{const E=w.node;if(y||!_r(E))return;const A=E;h(j=>j&&j.baselineId===J?{...j,baseline:A}:j)}).catch(w=>v(w instanceof Error?w.message:String(w))),()=>{y=!0}},[J,X]);const B=lt(y=>{h(w=>w&&{...w,...y,view:"view"in y?y.view??null:w.view})},[]),F=c?.viewGoals,z=Me(()=>t&&c?nr(t,c):new Map,[t,F]);if(o)return n(Lt,{what:`Project “${e.name}”`,signedIn:e.session!==null});if(s)return n(ye,{error:s});if(!t||!c||!l)return n("p",{class:"muted",children:["Loading ",e.name,"…"]});const ee=e.session!==null,S=async y=>{const w=t.views.find(j=>j.name===y),E=new URLSearchParams(location.search);if(w){const j=await St(t.id,w.name);h(_t(w,t,c,j)),E.set("view",w.name)}else h({...ft(t),view:null}),E.delete("view");const A=E.toString();Ve(location.pathname+(A?"?"+A:""),!0)},x=async(y,w)=>{try{const E=await V(Rn,{input:{projectId:t.id,name:y,shared:w,columns:c.columns,filter:me(c),order:ke(c.sort),baseline:c.baselineId,goals:Object.entries(c.viewGoals).map(([H,T])=>({column:H,goal:T})),includeHidden:c.showHidden}}),A=E.saveView.errors[0];if(A)return`${A.code}: ${A.message}`;const j=E.saveView.view;if(j){const H=[...t.views.filter(G=>G.id!==j.id),j];r({...t,views:H}),h({...c,view:j.name});const T=new URLSearchParams(location.search);T.set("view",j.name),Ve(location.pathname+"?"+T.toString(),!0)}return null}catch(E){return E instanceof Error?E.message:String(E)}},C=async y=>{try{const E=(await V(Nn,{input:{id:y.id}})).deleteView.errors[0];return E?`${E.code}: ${E.message}`:(r({...t,views:t.views.filter(A=>A.id!==y.id)}),await S(null),`Deleted “${y.name}”`)}catch(w){return w instanceof Error?w.message:String(w)}},$=async(y,w,E)=>{try{const A={input:{projectId:t.id,ids:y,branches:w},columns:l.query.columns},j=E?(await V(jn,A)).unhideRows:(await V(An,A)).hideRows,H=j.errors[0];if(H){v(`${H.code}: ${H.message}`);return}for(const T of j.experiments)l.patch(T.id,{hidden:T.hidden,autoHidden:T.autoHidden});w.length&&await O(),m(new Set),v(`${E?"Shown":"Hidden"}: ${y.length+w.length}`)}catch(A){v(A instanceof Error?A.message:String(A))}},M=[...i].map(y=>l.find(y)).filter(y=>y!==null),D=gt(c);return n("section",{class:"table-page","aria-labelledby":"table-title",children:[n("div",{class:"title-bar",children:[n("h1",{id:"table-title",children:t.name}),n("span",{class:"muted small",children:[t.visibility.toLowerCase()," · synced ",ne(t.lastSyncedAt)," ·"," ",n("span",{class:`badge sync-${t.syncState.toLowerCase()}`,children:t.syncState.toLowerCase()})]}),t.lastSyncError?n("span",{class:"sync-error",children:t.lastSyncError}):null,n("a",{class:"csv",href:or(t.databaseId,c),"data-testid":"csv-link",download:!0,children:"Export CSV"})]}),n("div",{class:"toolbar",role:"toolbar","aria-label":"Table",children:[n(ar,{views:t.views,current:c.view,signedIn:ee,pick:y=>{S(y)},save:x,remove:C}),n(sr,{project:t,state:c,update:B}),n(ir,{project:t,state:c,update:B}),n("label",{title:D?"":"A sort by a value or a value filter lists rows flat",children:[n("input",{type:"checkbox",checked:c.groupByBranch&&D,disabled:!D,onChange:y=>B({groupByBranch:y.currentTarget.checked}),"data-testid":"group-toggle"})," ","Group by branch"]}),n("label",{children:[n("input",{type:"checkbox",checked:c.showHidden,onChange:y=>B({showHidden:y.currentTarget.checked}),"data-testid":"show-hidden"})," ","Show hidden"]}),n("label",{children:[n("input",{type:"checkbox",checked:c.deltas,disabled:!c.baseline,onChange:y=>B({deltas:y.currentTarget.checked}),"data-testid":"delta-mode"})," ","Deltas"]})]}),n("div",{class:"selection-bar","aria-live":"polite",children:[n("span",{children:i.size?`${i.size} selected`:"Select rows to hide them or to use one as the baseline."}),i.size?n(Z,{children:[n("button",{type:"button",disabled:!ee,onClick:()=>{$([...i],[],!1)},children:"Hide selected"}),n("button",{type:"button",disabled:!ee,onClick:()=>{$([...i],[],!0)},children:"Unhide selected"}),n("button",{type:"button",disabled:M.length!==1,onClick:()=>B({baseline:M[0]??null,baselineId:M[0]?.id??null}),"data-testid":"set-baseline",children:"Use as baseline"}),n("button",{type:"button",disabled:i.size>100,onClick:()=>p([...i]),"data-testid":"compare",children:"Compare"}),n("button",{type:"button",onClick:()=>m(new Set),children:"Clear selection"})]}):null,c.baseline?n("button",{type:"button",onClick:()=>B({baseline:null,baselineId:null,deltas:!1}),children:"Clear baseline"}):null,f?n("span",{class:"muted",role:"status",children:f}):null]}),_?n(Qn,{projectId:t.id,ids:_,baselineId:c.baselineId,onClose:()=>p(null)}):null,n($r,{project:t,model:l,state:c,goals:z,selected:i,flash:b.current,signedIn:ee,onSelect:(y,w)=>{const E=new Set(i);w?E.add(y):E.delete(y),m(E)},onSort:y=>{const w=c.sort,E=w?.key!==y?{key:y,direction:"DESC"}:w.direction==="DESC"?{key:y,direction:"ASC"}:null;B({sort:E})},onHide:(y,w)=>{$([y.id],[],w)},onHideBranch:(y,w)=>{$([],[y],w)}})]})}function $r(e){const{model:t,state:r}=e,o=ae(null),[a,s]=k(0),[d,c]=k(600),h=t.items(),{grid:l,width:u}=Me(()=>Sr(r.columns),[r.columns]);W(()=>{const p=o.current;if(!p)return;const b=new ResizeObserver(()=>c(p.clientHeight));return b.observe(p),c(p.clientHeight),()=>b.disconnect()},[]),W(()=>{o.current&&(o.current.scrollTop=0),s(0)},[t]);const g=Math.max(0,Math.floor(a/$e)-yt),i=Math.min(h.length,Math.ceil((a+d)/$e)+yt);W(()=>{const p=new Set,b=Math.min(h.length,i+mr);for(let I=g;I<b;I++){const O=h[I];O?.t==="more"&&!O.seg.loading&&p.add(O.seg)}for(const I of p)t.load(I)});const m=r.baseline?2:1,f=[];for(let p=g;p<i;p++){const b=h[p];b&&f.push(n(Ir,{item:b,index:p,rowIndex:p+m+1,...e},b.key))}const v=p=>r.sort?.key===p?r.sort.direction==="ASC"?"ascending":"descending":"none",_=(p,b,I,O="")=>n("div",{role:"columnheader",class:`th ${O}`,"aria-sort":v(p),"data-testid":"column-header","data-column":p,children:n("button",{type:"button",class:"sort",title:I,onClick:()=>e.onSort(p),children:[n("span",{children:b}),n("span",{class:"arrow","aria-hidden":"true",children:v(p)==="ascending"?"▲":v(p)==="descending"?"▼":""})]})});return n("div",{class:"table-scroll",ref:o,role:"table","aria-label":`Experiments of ${e.project.name}`,"aria-rowcount":h.length+m,"data-testid":"experiments-table","data-nested":t.query.nested?"true":"false",onScroll:p=>s(p.currentTarget.scrollTop),style:{"--grid":l,"--table-w":`${u}px`},children:[n("div",{role:"rowgroup",class:"thead",children:[n("div",{role:"row",class:"tr head","aria-rowindex":1,children:[n("div",{role:"columnheader",class:"th sticky0",children:n("span",{class:"sr-only",children:"Select"})}),n("div",{role:"columnheader",class:"th sticky1",children:"Experiment"}),n("div",{role:"columnheader",class:"th",children:"Status"}),er.map(p=>_("field:"+p.field,p.label,`Sort by ${p.label.toLowerCase()}`)),r.columns.map(p=>{const b=e.goals.get(p);return _(p,fn(p),`${p}${b?` (${b.toLowerCase()} is better)`:""}`,p.startsWith("metric:")?"metric num":"param num")}),n("div",{role:"columnheader",class:"th",children:n("span",{class:"sr-only",children:"Actions"})})]}),r.baseline?n(Vt,{row:r.baseline,depth:0,rowIndex:2,baseline:!0,...e,index:-1}):null]}),n("div",{role:"rowgroup",class:"tbody",style:{height:`${h.length*$e}px`},children:f}),h.length===0?n("p",{class:"empty muted",children:"No rows match."}):null]})}function Ir(e){const{item:t}=e,r={transform:`translateY(${e.index*$e}px)`};if(t.t==="branch"){const o=t.seg,a=e.model.collapsedBranches.has(o.key),s=o.total===null?"…":String(o.total),d=e.project.branches.some(c=>c.name===o.branch&&c.hidden);return n("div",{role:"row",class:"tr branch",style:r,"aria-rowindex":e.rowIndex,"data-testid":"branch-row","data-branch":o.branch??o.key,children:n("div",{role:"cell",class:"td span",children:[n("button",{type:"button",class:"twisty","aria-expanded":!a,"aria-label":`${a?"Expand":"Collapse"} ${o.label??""}`,onClick:()=>{a?e.model.collapsedBranches.delete(o.key):e.model.collapsedBranches.add(o.key),e.model.changed()},children:a?"▸":"▾"}),n("strong",{children:o.label}),n("span",{class:"muted small",children:[s," ",o.key==="detached"?"rows":"commits"]}),o.branch&&e.signedIn?n("button",{type:"button",class:"link",onClick:()=>e.onHideBranch(o.branch??"",d),"aria-label":`${d?"Unhide":"Hide"} branch ${o.branch}`,"data-testid":"hide-branch",children:d?"Unhide branch":"Hide branch"}):null,o.error?n("span",{class:"sync-error",children:o.error}):null]})})}return t.t==="more"?n("div",{role:"row",class:"tr more",style:r,"aria-rowindex":e.rowIndex,"data-testid":"placeholder-row",children:n("div",{role:"cell",class:"td span muted",children:t.seg.error??"Loading…"})}):n(Vt,{...e,row:t.row,depth:t.depth,style:r})}class Vt extends he{flashUntil=0;collapsed=!1;shouldComponentUpdate(t){const r=this.props;return r.row!==t.row||r.index!==t.index||r.rowIndex!==t.rowIndex||r.depth!==t.depth||r.state!==t.state||r.goals!==t.goals||r.selected!==t.selected||r.signedIn!==t.signedIn||r.baseline!==t.baseline||r.model!==t.model||this.flashUntil!==(t.flash.get(t.row.id)??0)||this.collapsed!==t.model.collapsedRows.has(t.row.id)}render(){return this.flashUntil=this.props.flash.get(this.props.row.id)??0,this.collapsed=this.props.model.collapsedRows.has(this.props.row.id),xr(this.props)}}function xr(e){const{row:t,state:r,model:o}=e,a=gr(t),s=vt(t),d=r.baseline?vt(r.baseline):null,c=e.baseline===!0||r.baseline?.id===t.id,h=(e.flash.get(t.id)??0)>Date.now(),l=o.collapsedRows.has(t.id),u=["tr",e.depth===1?"child":"",t.kind==="LIVE"?"live":"",t.status==="RUNNING"?"running":"",t.hidden?"hidden-row":"",e.selected.has(t.id)?"selected":"",h?"flash":"",e.baseline?"baseline":""].join(" ");return n("div",{role:"row",class:u,style:e.style,"aria-rowindex":e.rowIndex,"aria-selected":e.selected.has(t.id),"data-testid":e.baseline?"baseline-row":"row","data-row-id":t.id,"data-kind":t.kind,"data-status":t.status,"data-hidden":t.hidden?"true":"false",children:[n("div",{role:"cell",class:"td sticky0",children:n("input",{type:"checkbox","aria-label":`Select ${a}`,checked:e.selected.has(t.id),onChange:g=>e.onSelect(t.id,g.currentTarget.checked)})}),n("div",{role:"cell",class:"td sticky1 name","data-testid":"row-name",children:[e.depth===1?n("span",{class:"indent","aria-hidden":"true"}):null,t.children&&t.children.length>0&&!e.baseline?n("button",{type:"button",class:"twisty","aria-expanded":!l,"aria-label":`${l?"Show":"Hide"} the ${t.children.length} experiments of ${a}`,onClick:()=>{l?o.collapsedRows.delete(t.id):o.collapsedRows.add(t.id),o.changed()},children:l?"▸":"▾"}):n("span",{class:"twisty-space","aria-hidden":"true"}),n("span",{class:t.kind==="COMMIT"?"sha":"exp-name",title:t.sha??t.name??"",children:a}),c?n("span",{class:"chip base",children:"baseline"}):null,t.kind==="LIVE"?n("span",{class:"chip live-chip",children:["live",t.lastStep!==null?` · step ${t.lastStep}`:""]}):null,t.detached?n("span",{class:"chip",children:"detached"}):null,t.tags.slice(0,2).map(g=>n("span",{class:"chip tag",children:g},g))]}),n("div",{role:"cell",class:"td","data-testid":"status",children:n("span",{class:`status status-${t.status.toLowerCase()}`,children:t.status})}),n("div",{role:"cell",class:"td ellipsis",children:t.branches?.[0]??""}),n("div",{role:"cell",class:"td ellipsis",children:t.author?.name??""}),n("div",{role:"cell",class:"td ellipsis",title:t.message??"",children:yr(t.message)}),n("div",{role:"cell",class:"td ellipsis",title:ne(t.committedAt??t.createdAt),children:ne(t.committedAt??t.createdAt).replace(" UTC","")}),r.columns.map(g=>{const i=s.get(g),m=d?.get(g);let f=Xe(i),v="td num",_;if(d&&!c&&typeof i=="number"&&typeof m=="number"){const p=i-m;r.deltas&&(f=Fe(p));const b=e.goals.get(g);if(b&&p!==0){const I=b==="HIGHER"?p>0:p<0;v+=I?" better":" worse",_=`${I?"better":"worse"} than the baseline (${Fe(p)})`}}return n("div",{role:"cell",class:v,title:_,"data-column":g,children:f},g)}),n("div",{role:"cell",class:"td actions",children:e.signedIn&&!e.baseline?n("button",{type:"button",class:"link","aria-label":`${t.hidden?"Unhide":"Hide"} ${a}`,onClick:()=>e.onHide(t,t.hidden),"data-testid":"hide-row",children:t.hidden?"Unhide":"Hide"}):null})]})}function Er(e){le(e.model);const[t,r]=k(null),[o,a]=k(""),[s,d]=k(null),[c,h]=k(!1),[l,u]=k(null),[g,i]=k(null),[m,f]=k(!1),[v,_]=k(""),[p,b]=k(""),[I,O]=k(""),[P,L]=k(""),[J,X]=k("");if(W(()=>{V(bn,{project:e.project,model:e.model}).then(S=>{if(!S.project?.model){h(!0);return}r(S.project.id),a(S.project.defaultBranch??""),d(S.project.model)}).catch(S=>{S instanceof pe&&S.has("UNAUTHENTICATED")?h(!0):u(S)})},[e.project,e.model]),c)return n(Lt,{what:`Model “${e.model}” of “${e.project}”`,signedIn:e.session!==null});if(l)return n(ye,{error:l});if(!s||!t)return n("p",{class:"muted",children:["Loading ",e.model,"…"]});const B=async(S,x)=>{f(!0);try{const C=await S(),$=C.errors[0];$?i(`${$.code}: ${$.message}`):(C.model&&d(C.model),i(`${x}${C.tag?` (tag ${C.tag})`:""}`))}catch(C){i(C instanceof Error?C.message:String(C))}finally{f(!1)}},F={projectId:t,model:s.name},z=s.versions.filter(S=>S.registered),ee=e.session!==null;return n("section",{"aria-labelledby":"model-title",children:[n("p",{class:"muted small",children:[n("a",{href:Ae(e.project),children:e.project})," / models"]}),n("h1",{id:"model-title",children:[s.name," ",s.deprecated?n("span",{class:"chip",children:"deprecated"}):null]}),n("p",{class:"muted",children:[s.type??"model"," · ",s.path??"no path"," ",s.declaredIn?`· declared in ${s.declaredIn}`:""," · latest"," ",s.latestVersion?.version??"none"]}),s.description?n("p",{children:s.description}):null,s.registryError?n("div",{class:"notice error",children:s.registryError.message}):null,g?n("p",{class:"notice",role:"status","data-testid":"model-message",children:g}):null,n("h2",{children:"Stages"}),s.stages.length===0?n("p",{class:"muted",children:"No stage assigned."}):n("ul",{class:"stages","data-testid":"stages",children:s.stages.map(S=>n("li",{"data-stage":S.stage,children:[n("strong",{children:S.stage}),": ",S.versions.map(x=>x.version).join(", ")]},S.stage))}),n("h2",{children:"Versions"}),n("table",{class:"projects","data-testid":"versions",children:[n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"Version"}),n("th",{scope:"col",children:"Commit"}),n("th",{scope:"col",children:"Stages"}),n("th",{scope:"col",children:"Author"}),n("th",{scope:"col",children:"Created"}),n("th",{scope:"col",children:"State"})]})}),n("tbody",{children:s.versions.map(S=>n("tr",{"data-testid":"version","data-version":S.version,children:[n("th",{scope:"row",children:S.version}),n("td",{children:n("code",{children:S.commit.slice(0,7)})}),n("td",{children:S.stages.join(", ")}),n("td",{children:S.author}),n("td",{children:ne(S.createdAt)}),n("td",{children:S.active?"active":S.registered?"deregistered":"unregistered"})]},S.version))})]}),ee?n("div",{class:"registry-forms",children:[n("form",{onSubmit:S=>{S.preventDefault(),B(async()=>(await V(wn,{input:{...F,rev:v.trim()||o,version:p.trim()||null,bump:I||null}})).registerModelVersion,"Registered")},children:n("fieldset",{children:[n("legend",{children:"Register a version"}),n("label",{children:["Commit, branch or tag",n("input",{type:"text",value:v,placeholder:o,onInput:S=>_(S.currentTarget.value),"data-testid":"register-rev"})]}),n("label",{children:["Version",n("input",{type:"text",value:p,placeholder:"v1.2.3 (or bump)",onInput:S=>b(S.currentTarget.value),"data-testid":"register-version"})]}),n("label",{children:["Bump",n("select",{value:I,onChange:S=>O(S.currentTarget.value),children:[n("option",{value:"",children:"default"}),n("option",{value:"PATCH",children:"patch"}),n("option",{value:"MINOR",children:"minor"}),n("option",{value:"MAJOR",children:"major"})]})]}),n("button",{type:"submit",class:"primary",disabled:m,children:"Register"})]})}),n("form",{onSubmit:S=>{S.preventDefault();const x={...F,version:P||(z[0]?.version??""),stage:J.trim()};B(async()=>(await V(vn,{input:x})).assignStage,`Assigned ${x.stage}`)},children:n("fieldset",{children:[n("legend",{children:"Stages"}),n("label",{children:["Version",n("select",{value:P,onChange:S=>L(S.currentTarget.value),"data-testid":"stage-version",children:z.map(S=>n("option",{value:S.version,children:S.version},S.version))})]}),n("label",{children:["Stage",n("input",{type:"text",value:J,required:!0,onInput:S=>X(S.currentTarget.value),"data-testid":"stage-name"})]}),n("button",{type:"submit",disabled:m||z.length===0,children:"Assign"}),n("button",{type:"button",disabled:m||z.length===0||!J.trim(),onClick:()=>{const S={...F,version:P||(z[0]?.version??""),stage:J.trim()};B(async()=>(await V(Sn,{input:S})).unassignStage,`Unassigned ${S.stage}`)},children:"Unassign"})]})}),n("button",{type:"button",disabled:m||s.deprecated,onClick:()=>{confirm(`Deprecate ${s.name}? A new registry tag revives it.`)&&B(async()=>(await V(kn,{input:F})).deprecateModel,"Deprecated")},children:"Deprecate model"})]}):null,n("h2",{children:"History"}),n("table",{class:"projects","data-testid":"history",children:[n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"When"}),n("th",{scope:"col",children:"Event"}),n("th",{scope:"col",children:"Version"}),n("th",{scope:"col",children:"Stage"}),n("th",{scope:"col",children:"By"}),n("th",{scope:"col",children:"Tag"})]})}),n("tbody",{children:s.history.map(S=>n("tr",{children:[n("td",{children:ne(S.createdAt)}),n("td",{children:S.kind.toLowerCase()}),n("td",{children:S.version??""}),n("td",{children:S.stage??""}),n("td",{children:S.author}),n("td",{children:n("code",{children:S.tag})})]},S.tag+S.kind))})]})]})}function Tr(e,t){return`${Ae(e)}/models/${encodeURIComponent(t)}`}function Cr(e){le("Models");const[t,r]=k(null),[o,a]=k(0),[s,d]=k(null),[c,h]=k(""),[l,u]=k(null),g=async(i,m)=>{try{const f=await V($n,{after:i,filter:m?{name:m}:null});r(v=>[...i&&v?v:[],...f.models.nodes]),a(f.models.totalCount),d(f.models.pageInfo.hasNextPage?f.models.pageInfo.endCursor:null),u(null)}catch(f){u(f)}};return W(()=>{const i=setTimeout(()=>{g(null,c.trim())},c?250:0);return()=>clearTimeout(i)},[c]),n("section",{"aria-labelledby":"models-title",children:[n("h1",{id:"models-title",children:"Models"}),n("div",{class:"toolbar",children:[n("label",{children:["Find a model",n("input",{type:"search",value:c,onInput:i=>h(i.currentTarget.value),"data-testid":"model-search"})]}),e.session?null:n("span",{class:"muted",children:"Signed out: models of public projects only."})]}),l?n(ye,{error:l}):null,t===null?n("p",{class:"muted",children:"Loading models…"}):t.length===0?n("p",{children:"No models. Declare one in a dvc.yaml (`artifacts:`) or register one with GTO."}):n("table",{class:"projects","data-testid":"models",children:[n("caption",{class:"sr-only",children:[o," models"]}),n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"Model"}),n("th",{scope:"col",children:"Project"}),n("th",{scope:"col",children:"Latest version"}),n("th",{scope:"col",children:"Stages"}),n("th",{scope:"col",children:"Type"})]})}),n("tbody",{children:t.map(i=>n("tr",{"data-testid":"model","data-model":i.name,children:[n("th",{scope:"row",children:[i.project?n("a",{href:Tr(i.project.name,i.name),children:i.name}):i.name,i.deprecated?n("span",{class:"chip",children:" deprecated"}):null,i.description?n("div",{class:"muted small",children:i.description}):null,i.registryError?n("div",{class:"sync-error",children:i.registryError.message}):null]}),n("td",{children:i.project?n("a",{href:Ae(i.project.name),children:i.project.name}):"—"}),n("td",{children:i.latestVersion?n(Z,{children:[i.latestVersion.version," ",n("span",{class:"muted small",children:ne(i.latestVersion.createdAt)})]}):n("span",{class:"muted",children:"unregistered"})}),n("td",{children:i.stages.map(m=>n("span",{class:"chip tag",children:[m.stage,": ",m.versions.map(f=>f.version).join(", ")]},m.stage))}),n("td",{children:i.type??""})]},`${i.project?.id??""}:${i.name}`))})]}),s?n("button",{type:"button",onClick:()=>{g(s,c.trim())},children:"More models"}):null]})}const Mr=["READ","PROJECTS","EXPERIMENTS","MODELS","ADMIN"];function Ar(e){le("Access tokens");const[t,r]=k(null),[o,a]=k(null),[s,d]=k(""),[c,h]=k(new Set(["READ","EXPERIMENTS"])),[l,u]=k(null),[g,i]=k(null),m=async()=>{try{const _=await V(Hn,{});r(_.me.tokens)}catch(_){a(_)}};if(W(()=>{e.session&&m()},[e.session]),!e.session)return n("section",{children:[n("h1",{children:"Access tokens"}),n("p",{children:[n("a",{href:_e(),children:"Sign in"})," to manage your tokens."]})]});const f=async()=>{u(null);try{const _=await V(On,{input:{name:s.trim(),scopes:[...c]}}),p=_.createAccessToken.errors[0];if(p){i(`${p.code}: ${p.message}`);return}u(_.createAccessToken.token??null),i(null),d(""),await m()}catch(_){i(_ instanceof Error?_.message:String(_))}},v=async _=>{if(confirm(`Revoke the token “${_.name}”? Scripts using it stop working.`))try{const b=(await V(Ln,{id:_.id})).revokeAccessToken.errors[0];i(b?`${b.code}: ${b.message}`:`Revoked “${_.name}”`),await m()}catch(p){i(p instanceof Error?p.message:String(p))}};return n("section",{"aria-labelledby":"tokens-title",children:[n("h1",{id:"tokens-title",children:"Access tokens"}),o?n(ye,{error:o}):null,n("form",{class:"token-form",onSubmit:_=>{_.preventDefault(),f()},children:[n("label",{children:["Name",n("input",{type:"text",required:!0,value:s,onInput:_=>d(_.currentTarget.value),"data-testid":"token-name"})]}),n("fieldset",{children:[n("legend",{children:"Scopes"}),Mr.map(_=>n("label",{children:[n("input",{type:"checkbox",checked:c.has(_),onChange:p=>{const b=new Set(c);p.currentTarget.checked?b.add(_):b.delete(_),h(b)}})," ",_]},_))]}),n("button",{type:"submit",class:"primary",disabled:!s.trim()||c.size===0,children:"Create token"})]}),l?n("div",{class:"notice",role:"status","data-testid":"new-token",children:n("p",{children:["Your new token (shown once): ",n("code",{children:l})]})}):null,g?n("p",{class:"muted",role:"status",children:g}):null,t===null?n("p",{class:"muted",children:"Loading tokens…"}):n("table",{class:"projects","data-testid":"tokens",children:[n("thead",{children:n("tr",{children:[n("th",{scope:"col",children:"Name"}),n("th",{scope:"col",children:"Prefix"}),n("th",{scope:"col",children:"Scopes"}),n("th",{scope:"col",children:"Created"}),n("th",{scope:"col",children:"Last used"}),n("th",{scope:"col",children:n("span",{class:"sr-only",children:"Actions"})})]})}),n("tbody",{children:t.map(_=>n("tr",{"data-testid":"token",children:[n("th",{scope:"row",children:_.name}),n("td",{children:n("code",{children:_.prefix})}),n("td",{children:_.scopes.join(", ")}),n("td",{children:ne(_.createdAt)}),n("td",{children:ne(_.lastUsedAt)}),n("td",{children:n("button",{type:"button",onClick:()=>{v(_)},"aria-label":`Revoke ${_.name}`,children:"Revoke"})})]},_.id))})]})]})}function jr(e,t){if(e==="/"||e==="")return n(Vn,{session:t});const r=/^\/projects\/([^/]+)\/models\/(.+)$/.exec(e);if(r?.[1]&&r[2]){const[a,s]=[decodeURIComponent(r[1]),decodeURIComponent(r[2])];return n(Er,{project:a,model:s,session:t},e)}const o=/^\/projects\/([^/]+)\/?$/.exec(e);if(o?.[1]){const a=decodeURIComponent(o[1]);return n(kr,{name:a,session:t},a)}return e==="/models"?n(Cr,{session:t}):e==="/settings/tokens"?n(Ar,{session:t}):n(Bn,{})}function Rr(){const e=hn(),[t,r]=k({loaded:!1});W(()=>{cn().then(d=>r({loaded:!0,session:d})).catch(()=>r({loaded:!0,session:null}))},[]);const o=t.loaded?t.session:null,a=/^\/projects\/[^/]+\/models\//.test(e.path),s=d=>d==="/"?e.path==="/"||e.path.startsWith("/projects/")&&!a?"page":void 0:d==="/models"?e.path==="/models"||a?"page":void 0:e.path.startsWith(d)?"page":void 0;return n(Z,{children:[n("a",{class:"skip",href:"#main",children:"Skip to content"}),n("header",{class:"shell",children:[n("a",{class:"brand",href:"/",children:"gitstudio"}),n("nav",{"aria-label":"Main",children:n("ul",{children:[n("li",{children:n("a",{href:"/","aria-current":s("/"),children:"Projects"})}),n("li",{children:n("a",{href:"/models","aria-current":s("/models"),children:"Models"})}),n("li",{children:n("a",{href:"/settings/tokens","aria-current":s("/settings/tokens"),children:"Tokens"})}),n("li",{children:n("a",{href:"/graphql",children:"GraphiQL"})})]})}),n("div",{class:"who","data-testid":"session",children:t.loaded?o?n(Z,{children:[n("span",{"data-testid":"user",children:o.user}),n("button",{type:"button",onClick:()=>{dn().then(()=>{location.assign(_e("/"))})},children:"Sign out"})]}):n("a",{href:_e(),"data-testid":"sign-in",children:"Sign in"}):null})]}),n("main",{id:"main",tabIndex:-1,children:t.loaded?jr(e.path,o):n("p",{class:"muted",children:"Loading…"})})]})}const De=document.getElementById("app");De&&(mn(De),Kt(n(Rr,{}),De));
